/**
 * A dossier as its applicant and the public see it: its summary and its timeline, which
 * names the agencies that acted but never the people.
 */
import type { DossiersDb } from '../dossiers-db';

export function dossierSummaries(db: DossiersDb) {
  return db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.status',
      'dossier.submittedAt',
      'dossier.dueAt',
      'procedure.code as procedureCode',
      'procedure.name as procedureName',
      'agency.code as agencyCode',
      'agency.name as agencyName',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof dossierSummaries>['execute']>>[number];

export function summaryView(row: SummaryRow) {
  return {
    code: row.code,
    status: row.status,
    procedure: { code: row.procedureCode, name: row.procedureName },
    receivingAgency: { code: row.agencyCode, name: row.agencyName },
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
  };
}

export async function dossierTimeline(db: DossiersDb, dossierId: string) {
  const rows = await db
    .selectFrom('dossierHistory')
    .leftJoin('agency', 'agency.id', 'dossierHistory.agencyId')
    .select([
      'dossierHistory.at',
      'dossierHistory.action',
      'dossierHistory.status',
      'dossierHistory.note',
      'agency.name as agencyName',
    ])
    .where('dossierHistory.dossierId', '=', dossierId)
    .orderBy('dossierHistory.at')
    .orderBy('dossierHistory.id')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    action: row.action,
    status: row.status,
    agency: row.agencyName,
    note: row.note,
  }));
}

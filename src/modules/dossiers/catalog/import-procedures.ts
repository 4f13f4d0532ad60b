/**
 * Takes procedures into the catalog, all or none: each is checked (checkProcedure, and its
 * agency codes against the agencies of this platform), then inserted or, if its content
 * changed, updated with its revision raised, in one transaction with an audit line each.
 * Importing the same file again changes nothing.
 */
import { recordAudit, type AuditActorType } from '../../../kernel/audit';
import type { AppContext } from '../../../kernel/context';
import { dossiersDb, type DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { checkProcedure } from './check-procedure';
import type { ProcedureRecord } from './procedure-record';

export interface ImportActor {
  type: AuditActorType;
  id: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** The agency codes a procedure names: where it is received, and who acts in its steps. */
function agencyCodes(record: ProcedureRecord): string[] {
  const codes = new Set<string>();
  if (record.tinhso.receiving !== 'commune') codes.add(record.tinhso.receiving.code);
  for (const step of record.tinhso.process.steps) {
    if (step.agency !== 'receiving') codes.add(step.agency.code);
  }
  return [...codes];
}

/** The row a record becomes, in the form the catalog compares and writes. */
function rowOf(record: ProcedureRecord, agencyIds: ReadonlyMap<string, string>) {
  const { tthc, tinhso } = record;
  return {
    code: tthc.MaTTHC,
    name: tthc.TenTTHC.trim(),
    nameEn: tinhso.nameEn.trim(),
    fieldCode: tthc.LinhVuc.MaLinhVuc,
    fieldName: tthc.LinhVuc.TenLinhVuc,
    levels: [...tthc.CapThucHien].sort(),
    onlineLevel: tthc.MucDo,
    applicantTypes: [...tthc.DoiTuongThucHien].sort(),
    receivingAgencyId:
      tinhso.receiving === 'commune' ? null : agencyIds.get(tinhso.receiving.code)!,
    tthc: JSON.stringify(tthc),
    form: JSON.stringify(tinhso.form),
    process: JSON.stringify(tinhso.process),
  };
}

type ProcedureRow = ReturnType<typeof rowOf>;

/**
 * Whether a stored procedure says the same as the row. jsonb normalises key order and
 * spacing, so both sides are compared as parsed values in one canonical key order.
 */
function sameContent(stored: Record<string, unknown>, row: ProcedureRow): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  const parsed = (text: string) => canonical(JSON.parse(text));
  return (
    stored.name === row.name &&
    stored.nameEn === row.nameEn &&
    stored.fieldCode === row.fieldCode &&
    stored.fieldName === row.fieldName &&
    JSON.stringify([...(stored.levels as string[])].sort()) === JSON.stringify(row.levels) &&
    stored.onlineLevel === row.onlineLevel &&
    JSON.stringify([...(stored.applicantTypes as string[])].sort()) ===
      JSON.stringify(row.applicantTypes) &&
    stored.receivingAgencyId === row.receivingAgencyId &&
    JSON.stringify(canonical(stored.tthc)) === JSON.stringify(parsed(row.tthc)) &&
    JSON.stringify(canonical(stored.form)) === JSON.stringify(parsed(row.form)) &&
    JSON.stringify(canonical(stored.process)) === JSON.stringify(parsed(row.process))
  );
}

export async function importProcedures(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  records: readonly ProcedureRecord[],
  actor: ImportActor,
): Promise<ImportResult> {
  const db = dossiersDb(ctx);
  const wanted = [...new Set(records.flatMap(agencyCodes))];
  const agencies =
    wanted.length === 0
      ? []
      : await db
          .selectFrom('agency')
          .select(['id', 'code'])
          .where('code', 'in', wanted)
          .where('active', '=', true)
          .execute();
  const agencyIds = new Map(agencies.map((agency) => [agency.code, agency.id]));

  const invalid: Array<{ index: number; code: string; problems: string[] }> = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const problems = checkProcedure(record);
    for (const code of agencyCodes(record)) {
      if (!agencyIds.has(code)) problems.push(`agency ${code} is not an agency of this platform`);
    }
    if (seen.has(record.tthc.MaTTHC)) problems.push('the same code appears twice in the import');
    seen.add(record.tthc.MaTTHC);
    if (problems.length > 0) invalid.push({ index, code: record.tthc.MaTTHC, problems });
  });
  if (invalid.length > 0) throw dossierErrors.PROCEDURE_INVALID({ procedures: invalid });

  return db.transaction().execute(async (trx) => {
    const result: ImportResult = { created: [], updated: [], unchanged: [] };
    const now = ctx.clock.now();
    for (const record of records) {
      const row = rowOf(record, agencyIds);
      const outcome = await upsert(trx, row, now);
      result[outcome].push(row.code);
      if (outcome !== 'unchanged') {
        await recordAudit(trx, {
          actorType: actor.type,
          actorId: actor.id,
          action: `dossiers.procedure_${outcome}`,
          recordType: 'procedure',
          recordId: row.code,
          ip: actor.ip,
          requestId: actor.requestId,
        });
      }
    }
    return result;
  });
}

async function upsert(trx: DossiersTrx, row: ProcedureRow, now: Date): Promise<keyof ImportResult> {
  const stored = await trx
    .selectFrom('procedure')
    .selectAll()
    .where('code', '=', row.code)
    .forUpdate()
    .executeTakeFirst();
  if (!stored) {
    await trx
      .insertInto('procedure')
      .values({ ...row, createdAt: now, updatedAt: now })
      .execute();
    return 'created';
  }
  if (sameContent(stored, row) && stored.active) {
    return 'unchanged';
  }
  await trx
    .updateTable('procedure')
    .set((eb) => ({ ...row, active: true, revision: eb('revision', '+', 1), updatedAt: now }))
    .where('id', '=', stored.id)
    .execute();
  return 'updated';
}

/**
 * Reading the procedure catalog: searched without diacritics (every typed word must appear
 * in the code, name or field, in any order), filtered, sorted and paged on the server.
 */
import { sql } from 'kysely';
import type { DossiersDb } from '../dossiers-db';
import type { ApplicantType, OnlineServiceLevel, ProcedureLevel } from './procedure-record';

export interface ProcedureFilters {
  q?: string;
  field?: string;
  level?: ProcedureLevel;
  onlineLevel?: OnlineServiceLevel;
  applicantType?: ApplicantType;
}

export type ProcedureSort = 'name' | 'code' | 'field';

/** The words of a search as search_text holds them (diacritics go in SQL). */
function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

function filtered(db: DossiersDb, filters: ProcedureFilters) {
  let query = db.selectFrom('procedure').where('procedure.active', '=', true);
  for (const word of searchWords(filters.q)) {
    query = query.where(
      sql<boolean>`strpos(procedure.search_text, lower(immutable_unaccent(${word}))) > 0`,
    );
  }
  if (filters.field) query = query.where('procedure.fieldCode', '=', filters.field);
  if (filters.level) {
    query = query.where(sql<boolean>`${filters.level}::text = ANY (procedure.levels)`);
  }
  if (filters.onlineLevel) query = query.where('procedure.onlineLevel', '=', filters.onlineLevel);
  if (filters.applicantType) {
    query = query.where(
      sql<boolean>`${filters.applicantType}::text = ANY (procedure.applicant_types)`,
    );
  }
  return query;
}

export async function procedurePage(
  db: DossiersDb,
  filters: ProcedureFilters,
  window: { page: number; pageSize: number; sort: ProcedureSort },
) {
  const base = filtered(db, filters);
  let page = base
    .leftJoin('agency', 'agency.id', 'procedure.receivingAgencyId')
    .select([
      'procedure.code',
      'procedure.name',
      'procedure.nameEn',
      'procedure.fieldCode',
      'procedure.fieldName',
      'procedure.levels',
      'procedure.onlineLevel',
      'procedure.applicantTypes',
      'procedure.tthc',
      'agency.name as receivingAgencyName',
    ]);
  // Unaccented text sorts Vietnamese names close to the dictionary's order on any collation.
  if (window.sort === 'code') page = page.orderBy('procedure.code');
  else if (window.sort === 'field') {
    page = page.orderBy('procedure.fieldName').orderBy('procedure.searchText');
  } else page = page.orderBy('procedure.searchText');
  const [items, total] = await Promise.all([
    page
      .orderBy('procedure.code')
      .limit(window.pageSize)
      .offset((window.page - 1) * window.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The fields (lĩnh vực) of the catalog with how many active procedures each has. */
export async function procedureFields(db: DossiersDb) {
  const rows = await db
    .selectFrom('procedure')
    .select(['fieldCode', 'fieldName', (eb) => eb.fn.countAll<string>().as('n')])
    .where('active', '=', true)
    .groupBy(['fieldCode', 'fieldName'])
    .orderBy('fieldName')
    .execute();
  return rows.map((row) => ({
    code: row.fieldCode,
    name: row.fieldName,
    procedures: Number(row.n),
  }));
}

/** One procedure whole, with the code of the agency that receives it (null: the commune). */
export async function findProcedure(db: DossiersDb, code: string) {
  return db
    .selectFrom('procedure')
    .leftJoin('agency', 'agency.id', 'procedure.receivingAgencyId')
    .select([
      'procedure.id',
      'procedure.code',
      'procedure.name',
      'procedure.nameEn',
      'procedure.tthc',
      'procedure.form',
      'procedure.process',
      'procedure.revision',
      'procedure.updatedAt',
      'agency.code as receivingCode',
      'agency.name as receivingAgencyName',
    ])
    .where('procedure.code', '=', code)
    .where('procedure.active', '=', true)
    .executeTakeFirst();
}

/** The catalog as records to export, in code order; only `codes` when given. */
export async function proceduresToExport(db: DossiersDb, codes?: readonly string[]) {
  let query = db
    .selectFrom('procedure')
    .leftJoin('agency', 'agency.id', 'procedure.receivingAgencyId')
    .select([
      'procedure.tthc',
      'procedure.nameEn',
      'procedure.form',
      'procedure.process',
      'agency.code as receivingCode',
    ])
    .where('procedure.active', '=', true)
    .orderBy('procedure.code');
  if (codes && codes.length > 0) query = query.where('procedure.code', 'in', [...codes]);
  return query.execute();
}

/** The agencies with these codes, by code: the names of those a process names. */
export async function agenciesByCode(db: DossiersDb, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('agency')
    .select(['code', 'name', 'nameEn'])
    .where('code', 'in', [...codes])
    .orderBy('code')
    .execute();
}

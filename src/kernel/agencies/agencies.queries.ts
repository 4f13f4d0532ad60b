/** SQL for the agency tree. Functions take the database or a transaction first. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { KernelTables } from '../db/tables';
import type { AgencyKind } from './agencies.tables';

/** The database or a transaction (Kysely's types are invariant, so the kernel's full set). */
export type AgencyDb = Kysely<KernelTables>;

export interface NewAgency {
  code: string;
  name: string;
  nameEn?: string | null;
  kind: AgencyKind;
  parentId?: string | null;
}

export async function insertAgency(
  db: AgencyDb,
  agency: NewAgency,
): Promise<{ id: string; path: string }> {
  const parentPath = agency.parentId
    ? (
        await db
          .selectFrom('agency')
          .select('path')
          .where('id', '=', agency.parentId)
          .executeTakeFirstOrThrow()
      ).path
    : '/';
  // The id is chosen here so the row is written once, with its final path.
  const id = randomUUID();
  const path = `${parentPath}${id}/`;
  await db
    .insertInto('agency')
    .values({
      id,
      code: agency.code,
      name: agency.name,
      nameEn: agency.nameEn ?? null,
      kind: agency.kind,
      parentId: agency.parentId ?? null,
      path,
    })
    .execute();
  return { id, path };
}

/** Whether `agencyId` is `ancestorId` itself or lies below it in the tree. */
export async function isInSubtree(
  db: AgencyDb,
  agencyId: string,
  ancestorId: string,
): Promise<boolean> {
  if (agencyId === ancestorId) return true;
  const row = await db
    .selectFrom('agency as a')
    .innerJoin('agency as anc', (join) => join.onTrue())
    .select('a.id')
    .where('a.id', '=', agencyId)
    .where('anc.id', '=', ancestorId)
    // Concatenated in SQL: a bare '%' parameter inside concat() has no type PostgreSQL can infer.
    .where(sql<boolean>`a.path LIKE anc.path || '%'`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ids of the agency and every agency below it. */
export async function subtreeIds(db: AgencyDb, ancestorId: string): Promise<string[]> {
  const ancestor = await db
    .selectFrom('agency')
    .select('path')
    .where('id', '=', ancestorId)
    .executeTakeFirst();
  if (!ancestor) return [];
  const rows = await db
    .selectFrom('agency')
    .select('id')
    .where('path', 'like', `${ancestor.path}%`)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Serialises changes to the shape of the tree until the transaction ends. Two concurrent
 * moves (A under B, B under A) would each pass the cycle check on their own snapshot; and a
 * child inserted while its parent moves would get a stale path. Tree edits are rare, so one
 * lock for all of them costs nothing.
 */
export async function lockAgencyTree(db: AgencyDb): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('tinhso.agency_tree'))`.execute(db);
}

export interface AgencyRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: AgencyKind;
  parentId: string | null;
  path: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export async function findAgency(db: AgencyDb, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function agencyIdByCode(db: AgencyDb, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('agency')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

export async function updateAgencyFields(
  db: AgencyDb,
  id: string,
  fields: Partial<Pick<AgencyRow, 'code' | 'name' | 'nameEn' | 'active'>> & { updatedAt: Date },
): Promise<void> {
  await db.updateTable('agency').set(fields).where('id', '=', id).execute();
}

/**
 * Re-parents an agency: its own parent and path, and the path of everything below it, in
 * one statement (the caller holds the tree lock and the transaction).
 */
export async function moveSubtree(
  db: AgencyDb,
  agency: Pick<AgencyRow, 'id' | 'path'>,
  parent: Pick<AgencyRow, 'id' | 'path'>,
  now: Date,
): Promise<void> {
  const newPath = `${parent.path}${agency.id}/`;
  await sql`
    UPDATE agency
    SET path = ${newPath} || substr(path, ${agency.path.length + 1}),
        parent_id = CASE WHEN id = ${agency.id} THEN ${parent.id}::uuid ELSE parent_id END,
        updated_at = CASE WHEN id = ${agency.id} THEN ${now} ELSE updated_at END
    WHERE path LIKE ${agency.path} || '%'
  `.execute(db);
}

export async function hasActiveChildren(db: AgencyDb, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('agency')
    .select('id')
    .where('parentId', '=', id)
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function childCount(db: AgencyDb, id: string): Promise<number> {
  const row = await db
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('parentId', '=', id)
    .executeTakeFirstOrThrow();
  return row.count;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

/** The agencies above this path, from the root down. */
export async function ancestorsOf(db: AgencyDb, path: string): Promise<AgencyRef[]> {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AgencyRef => r !== undefined);
}

export interface ServedCommune {
  code: string;
  name: string;
  fullName: string;
}

export async function communesServedBy(db: AgencyDb, id: string): Promise<ServedCommune[]> {
  return db
    .selectFrom('agencyCommune as ac')
    .innerJoin('adminCommune as c', 'c.code', 'ac.communeCode')
    .select(['c.code', 'c.name', 'c.fullName'])
    .where('ac.agencyId', '=', id)
    .orderBy('c.code')
    .execute();
}

/** Makes `codes` the exact set of communes the agency serves. */
export async function replaceServedCommunes(
  db: AgencyDb,
  id: string,
  codes: readonly string[],
): Promise<void> {
  await db.deleteFrom('agencyCommune').where('agencyId', '=', id).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('agencyCommune')
    .values([...new Set(codes)].map((communeCode) => ({ agencyId: id, communeCode })))
    .execute();
}

export interface AgencyFilter {
  /** A pattern from `searchPattern`: NFC, spaces squeezed, LIKE wildcards escaped. */
  pattern?: string | null;
  kind?: AgencyKind;
  /** Only the direct children of this agency. */
  parentId?: string;
  /** Only this agency and those below it. */
  within?: string;
  /** Only agencies serving this commune. */
  communeCode?: string;
  includeInactive: boolean;
  /**
   * flat: the matching agencies by name. tree: the matching agencies and their ancestors,
   * depth-first (each agency right after its parent; siblings by rank, then name).
   */
  view: 'flat' | 'tree';
  page: number;
  pageSize: number;
}

export interface AgencyListRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: AgencyKind;
  parentId: string | null;
  active: boolean;
  path: string;
}

const LIST_COLUMNS = sql`a.id, a.code, a.name, a.name_en, a.kind, a.parent_id, a.active, a.path`;

/** Siblings' order in the tree: the committee, departments, centres, then lower levels. */
const SORT_KEY = sql`((CASE a.kind
    WHEN 'province_committee' THEN '0' WHEN 'department' THEN '1'
    WHEN 'public_service_center' THEN '2' WHEN 'district_committee' THEN '3'
    WHEN 'commune_committee' THEN '4' ELSE '5' END)
  || lower(immutable_unaccent(a.name)) || ' ' || a.id::text)`;

export async function listAgencies(
  db: AgencyDb,
  filter: AgencyFilter,
): Promise<{ items: AgencyListRow[]; total: number }> {
  const within = filter.within
    ? sql`a.path LIKE (SELECT w.path FROM agency w WHERE w.id = ${filter.within}) || '%'`
    : null;
  const conditions: RawBuilder<unknown>[] = [];
  if (!filter.includeInactive) conditions.push(sql`a.active`);
  if (filter.kind) conditions.push(sql`a.kind = ${filter.kind}`);
  if (filter.parentId) conditions.push(sql`a.parent_id = ${filter.parentId}::uuid`);
  if (within) conditions.push(within);
  if (filter.communeCode) {
    conditions.push(sql`EXISTS (SELECT 1 FROM agency_commune ac
      WHERE ac.agency_id = a.id AND ac.commune_code = ${filter.communeCode})`);
  }
  if (filter.pattern) {
    const like = sql`'%' || lower(immutable_unaccent(${filter.pattern})) || '%'`;
    conditions.push(sql`(lower(immutable_unaccent(a.name)) LIKE ${like}
      OR lower(immutable_unaccent(coalesce(a.name_en, ''))) LIKE ${like}
      OR a.code LIKE ${filter.pattern} || '%')`);
  }
  const matches = conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`TRUE`;
  const offset = (filter.page - 1) * filter.pageSize;

  if (filter.view === 'flat') {
    const [items, count] = await Promise.all([
      sql<AgencyListRow>`
        SELECT ${LIST_COLUMNS} FROM agency a WHERE ${matches}
        ORDER BY lower(immutable_unaccent(a.name)), a.id
        LIMIT ${filter.pageSize} OFFSET ${offset}
      `.execute(db),
      sql<{ total: number }>`SELECT count(*) AS total FROM agency a WHERE ${matches}`.execute(db),
    ]);
    return { items: items.rows, total: count.rows[0]?.total ?? 0 };
  }

  // Tree: an agency is shown when it matches or has a match below it, so every match keeps
  // the path that leads to it (within the requested subtree).
  const shown = sql`EXISTS (SELECT 1 FROM matched m WHERE m.path LIKE a.path || '%')
    ${within ? sql`AND ${within}` : sql``}`;
  const matched = sql`matched AS (SELECT a.path FROM agency a WHERE ${matches})`;
  const [items, count] = await Promise.all([
    sql<AgencyListRow>`
      WITH RECURSIVE ordered AS (
        SELECT a.id, ARRAY[${SORT_KEY}] AS sort_path FROM agency a WHERE a.parent_id IS NULL
        UNION ALL
        SELECT a.id, o.sort_path || ${SORT_KEY} FROM agency a JOIN ordered o ON a.parent_id = o.id
      ), ${matched}
      SELECT ${LIST_COLUMNS} FROM agency a JOIN ordered o ON o.id = a.id
      WHERE ${shown}
      ORDER BY o.sort_path
      LIMIT ${filter.pageSize} OFFSET ${offset}
    `.execute(db),
    sql<{ total: number }>`
      WITH ${matched} SELECT count(*) AS total FROM agency a WHERE ${shown}
    `.execute(db),
  ]);
  return { items: items.rows, total: count.rows[0]?.total ?? 0 };
}

/** SQL for the agency tree. Functions take the database or a transaction first. */
import type { Kysely } from 'kysely';
import type { AgenciesTables, AgencyKind } from './agencies.tables';

export type AgencyDb = Kysely<AgenciesTables>;

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
  const inserted = await db
    .insertInto('agency')
    .values({
      code: agency.code,
      name: agency.name,
      nameEn: agency.nameEn ?? null,
      kind: agency.kind,
      parentId: agency.parentId ?? null,
      path: '/',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${inserted.id}/`;
  await db.updateTable('agency').set({ path }).where('id', '=', inserted.id).execute();
  return { id: inserted.id, path };
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
    .whereRef('a.path', 'like', (eb) => eb.fn<string>('concat', [eb.ref('anc.path'), eb.val('%')]))
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

/** SQL for stored files. Functions take the database or a transaction first. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AgenciesTables } from '../agencies/agencies.tables';
import type { StorageTables, StoredFileTable } from './storage.tables';

/**
 * Any database handle or transaction whose schema includes these tables. Typed loosely at
 * the boundary because Kysely handles are invariant in their schema: a module's
 * `Transaction<KernelTables & ModuleTables>` must be accepted; the SQL inside is typed.
 */
export type StorageDb = Kysely<any>;
const typed = (db: StorageDb): Kysely<StorageTables> => db;
export type StoredFile = Selectable<StoredFileTable>;

export interface NewStoredFile {
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  ownerType: string;
  ownerId: string;
  agencyId: string | null;
  uploadedBy: string;
  createdAt: Date;
}

export async function insertStoredFile(db: StorageDb, file: NewStoredFile): Promise<StoredFile> {
  return typed(db).insertInto('storedFile').values(file).returningAll().executeTakeFirstOrThrow();
}

/** A live (not deleted) file by id. */
export async function findStoredFile(db: StorageDb, id: string): Promise<StoredFile | undefined> {
  return typed(db)
    .selectFrom('storedFile')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}

/** Live files of one owner, oldest first. */
export async function listOwnerFiles(
  db: StorageDb,
  ownerType: string,
  ownerId: string,
): Promise<StoredFile[]> {
  return typed(db)
    .selectFrom('storedFile')
    .selectAll()
    .where('ownerType', '=', ownerType)
    .where('ownerId', '=', ownerId)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Moves a file from one owner to another only if it still has the expected owner. */
export async function reassignOwner(
  db: StorageDb,
  id: string,
  from: { ownerType: string; ownerId: string },
  to: { ownerType: string; ownerId: string; agencyId: string | null },
): Promise<StoredFile | undefined> {
  return typed(db)
    .updateTable('storedFile')
    .set(to)
    .where('id', '=', id)
    .where('ownerType', '=', from.ownerType)
    .where('ownerId', '=', from.ownerId)
    .where('deletedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function markDeleted(
  db: StorageDb,
  ids: readonly string[],
  at: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await typed(db)
    .updateTable('storedFile')
    .set({ deletedAt: at })
    .where('id', 'in', ids)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks deleted the files of one owner type created before `before` (abandoned uploads). */
export async function markStaleOwnerFilesDeleted(
  db: StorageDb,
  ownerType: string,
  before: Date,
  at: Date,
): Promise<number> {
  const result = await typed(db)
    .updateTable('storedFile')
    .set({ deletedAt: at })
    .where('ownerType', '=', ownerType)
    .where('createdAt', '<', before)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Contents whose rows were all deleted before `before`: no record needs them any more. */
export async function orphanedContents(
  db: StorageDb,
  before: Date,
  limit: number,
): Promise<string[]> {
  const rows = await typed(db)
    .selectFrom('storedFile')
    .select('sha256')
    .groupBy('sha256')
    .having((eb) =>
      eb.and([
        eb(eb.fn.count<number>('deletedAt'), '=', eb.fn.countAll<number>()),
        eb(eb.fn.max('deletedAt'), '<', before),
      ]),
    )
    .limit(limit)
    .execute();
  return rows.map((r) => r.sha256);
}

/** Whether any live row points at the content (checked again right before removing it). */
export async function isContentReferenced(db: StorageDb, sha256: string): Promise<boolean> {
  const row = await typed(db)
    .selectFrom('storedFile')
    .select('id')
    .where('sha256', '=', sha256)
    .where('deletedAt', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes the deleted rows of a content once the content itself is gone. */
export async function deleteTombstones(db: StorageDb, sha256: string): Promise<number> {
  const result = await typed(db)
    .deleteFrom('storedFile')
    .where('sha256', '=', sha256)
    .where('deletedAt', 'is not', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Whether `agencyId` is one of `ancestorIds` or lies below one of them in the agency tree. */
export async function isAgencyWithin(
  db: StorageDb,
  agencyId: string,
  ancestorIds: readonly string[],
): Promise<boolean> {
  if (ancestorIds.length === 0) return false;
  const row = await (db as Kysely<AgenciesTables>)
    .selectFrom('agency as anc')
    .innerJoin('agency as rec', (join) => join.on(sql<boolean>`rec.path LIKE anc.path || '%'`))
    .select('anc.id')
    .where('rec.id', '=', agencyId)
    .where('anc.id', 'in', ancestorIds)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

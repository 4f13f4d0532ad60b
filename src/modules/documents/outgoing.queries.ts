/** SQL of outgoing documents. Functions take the caller's db or transaction first. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DocumentsDb, DocumentsTrx } from './documents-db';
import type { DocumentOutgoingTable, DocumentRecipientTable } from './documents.tables';

export type OutgoingRow = Selectable<DocumentOutgoingTable>;
type Db = DocumentsDb | DocumentsTrx;

export async function insertOutgoing(
  db: Db,
  values: Insertable<DocumentOutgoingTable>,
): Promise<OutgoingRow> {
  return db.insertInto('documentOutgoing').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findOutgoing(db: Db, id: string): Promise<OutgoingRow | undefined> {
  return db.selectFrom('documentOutgoing').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, locked until the end of the transaction: one action at a time per document. */
export async function lockOutgoing(
  trx: DocumentsTrx,
  id: string,
): Promise<OutgoingRow | undefined> {
  return trx
    .selectFrom('documentOutgoing')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateOutgoing(
  db: Db,
  id: string,
  changes: Updateable<DocumentOutgoingTable>,
): Promise<OutgoingRow> {
  return db
    .updateTable('documentOutgoing')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function replaceRecipients(
  db: Db,
  outgoingId: string,
  recipients: readonly Pick<DocumentRecipientTable, 'organId' | 'organName'>[],
): Promise<void> {
  await db.deleteFrom('documentRecipient').where('outgoingId', '=', outgoingId).execute();
  if (recipients.length === 0) return;
  await db
    .insertInto('documentRecipient')
    .values(recipients.map((recipient) => ({ outgoingId, ...recipient })))
    .execute();
}

export async function recipientsOf(db: Db, outgoingId: string) {
  return db
    .selectFrom('documentRecipient')
    .selectAll()
    .where('outgoingId', '=', outgoingId)
    .orderBy('organId')
    .execute();
}

export async function statusEventsOf(db: Db, outgoingId: string) {
  return db
    .selectFrom('documentStatusEvent')
    .select(['organId', 'statusCode', 'description', 'occurredAt', 'receivedAt'])
    .where('outgoingId', '=', outgoingId)
    .orderBy('id')
    .execute();
}

export async function filesOfDocument(
  db: Db,
  owner: { outgoingId: string } | { incomingId: string },
) {
  let query = db
    .selectFrom('documentFile')
    .select(['id', 'role', 'storedFileId', 'name', 'mediaType', 'size', 'createdAt']);
  query =
    'outgoingId' in owner
      ? query.where('outgoingId', '=', owner.outgoingId)
      : query.where('incomingId', '=', owner.incomingId);
  return query.orderBy('createdAt').orderBy('id').execute();
}

export async function historyOf(db: Db, owner: { outgoingId: string } | { incomingId: string }) {
  let query = db.selectFrom('documentHistory').select(['action', 'actorName', 'note', 'at']);
  query =
    'outgoingId' in owner
      ? query.where('outgoingId', '=', owner.outgoingId)
      : query.where('incomingId', '=', owner.incomingId);
  return query.orderBy('id').execute();
}

/** SQL for the notification queue. Functions take the database or a transaction first. */
import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely';
import { rowInsert } from '../db/row-insert';
import type { NotificationTable, NotifyTables } from './notify.tables';

/**
 * Any database handle or transaction whose schema includes these tables. Typed loosely at
 * the boundary because Kysely handles are invariant in their schema: a module's
 * `Transaction<KernelTables & ModuleTables>` must be accepted; the SQL inside is typed.
 */
export type NotifyDb = Kysely<any>;
const typed = (db: NotifyDb): Kysely<NotifyTables> => db;
export type Notification = Selectable<NotificationTable>;

/**
 * The INSERT of a message, for a one-statement batch (kernel/db/statement-batch); its
 * variables may be jsonb computed by the same statement. Written directly
 * (kernel/db/row-insert): it goes with the busiest write, filing a report.
 */
export function notificationInsert(
  db: NotifyDb,
  notification: Omit<Insertable<NotificationTable>, 'variables'> & {
    variables: string | CompiledQuery;
  },
): CompiledQuery {
  return rowInsert(typed(db), 'notification', notification);
}

export async function insertNotification(
  db: NotifyDb,
  notification: Insertable<NotificationTable>,
): Promise<string> {
  const row = await typed(db)
    .insertInto('notification')
    .values(notification)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes up to `limit` due messages for this sender: counts the attempt and leases them
 * until `leaseUntil`. SKIP LOCKED lets several workers claim different messages at once; a
 * worker that dies mid-send loses its lease and the message is taken again.
 */
export async function claimDueNotifications(
  db: NotifyDb,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<Notification[]> {
  return typed(db)
    .updateTable('notification')
    .set((eb) => ({ lockedUntil: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where(
      'id',
      'in',
      typed(db)
        .selectFrom('notification')
        .select('id')
        .where('state', '=', 'queued')
        .where((eb) => eb.or([eb('nextAttemptAt', 'is', null), eb('nextAttemptAt', '<=', now)]))
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
        .orderBy('createdAt')
        .limit(limit)
        .modifyEnd(sql`FOR UPDATE SKIP LOCKED`),
    )
    .returningAll()
    .execute();
}

export async function markSent(
  db: NotifyDb,
  id: string,
  at: Date,
  providerMessageId: string,
): Promise<void> {
  await typed(db)
    .updateTable('notification')
    .set({ state: 'sent', sentAt: at, providerMessageId, lockedUntil: null, lastError: null })
    .where('id', '=', id)
    .execute();
}

export async function markRetry(
  db: NotifyDb,
  id: string,
  nextAttemptAt: Date,
  lastError: string,
): Promise<void> {
  await typed(db)
    .updateTable('notification')
    .set({ nextAttemptAt, lastError, lockedUntil: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: NotifyDb, id: string, lastError: string): Promise<void> {
  await typed(db)
    .updateTable('notification')
    .set({ state: 'failed', lastError, lockedUntil: null })
    .where('id', '=', id)
    .execute();
}

/** Drops finished messages (they hold contact details) once they are no longer useful. */
export async function deleteFinishedBefore(db: NotifyDb, before: Date): Promise<number> {
  const result = await typed(db)
    .deleteFrom('notification')
    .where('state', 'in', ['sent', 'failed'])
    .where('createdAt', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

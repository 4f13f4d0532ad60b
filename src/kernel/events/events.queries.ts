/**
 * SQL of the outbox. Claims use `FOR UPDATE SKIP LOCKED`, so any number of worker
 * processes share the work without blocking each other or taking the same delivery; a
 * claim is a lease (next_attempt_at moved past the handler's time limit) and the attempt
 * counter is its fencing token, so a worker whose lease expired cannot overwrite the
 * outcome of the worker that took over.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { KernelTables } from '../db/tables';
import type { DeliveryState } from './events.tables';

type Db = Kysely<KernelTables> | Transaction<KernelTables>;

/**
 * Creates the delivery rows of newly published events, one per handler registered for the
 * type, and marks the events as fanned out. Returns the number of events processed.
 * A handler therefore receives the events fanned out after the first worker that knows it
 * started, as a new subscriber would: every worker runs the same build, so this differs
 * from "published after deployment" only for events fanned out during a rolling update.
 */
export async function fanOutEvents(
  db: Kysely<KernelTables>,
  handlersByType: ReadonlyMap<string, readonly string[]>,
  now: Date,
  limit: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await sql<{ id: string; type: string }>`
      SELECT id, type FROM outbox_event
      WHERE fanned_out_at IS NULL
      ORDER BY seq
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    `.execute(trx);
    if (events.rows.length === 0) return 0;
    const deliveries = events.rows.flatMap((event) =>
      (handlersByType.get(event.type) ?? []).map((handler) => ({
        eventId: event.id,
        handler,
        nextAttemptAt: now,
      })),
    );
    if (deliveries.length > 0) {
      await trx
        .insertInto('outboxDelivery')
        .values(deliveries)
        .onConflict((oc) => oc.columns(['eventId', 'handler']).doNothing())
        .execute();
    }
    await trx
      .updateTable('outboxEvent')
      .set({ fannedOutAt: now })
      .where(
        'id',
        'in',
        events.rows.map((event) => event.id),
      )
      .execute();
    return events.rows.length;
  });
}

export interface ClaimedDelivery {
  id: number;
  handler: string;
  /** Attempt number of this claim (1 for the first); the fencing token. */
  attempts: number;
  eventId: string;
  type: string;
  aggregateId: string | null;
  payload: unknown;
  occurredAt: Date;
}

/** Claims up to `limit` due deliveries of the given handlers until `leaseUntil`. */
export async function claimDueDeliveries(
  db: Db,
  handlers: readonly string[],
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  if (handlers.length === 0) return [];
  const result = await sql<ClaimedDelivery>`
    WITH due AS (
      SELECT id FROM outbox_delivery
      WHERE state = 'pending' AND next_attempt_at <= ${now} AND handler = ANY(${handlers}::text[])
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE outbox_delivery d
      SET attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}, last_attempt_at = ${now}
      FROM due WHERE d.id = due.id
      RETURNING d.id, d.handler, d.attempts, d.event_id
    )
    SELECT c.id, c.handler, c.attempts, c.event_id,
      e.type, e.aggregate_id, e.payload, e.occurred_at
    FROM claimed c JOIN outbox_event e ON e.id = c.event_id
    ORDER BY e.seq, c.id
  `.execute(db);
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export async function markDelivered(
  db: Db,
  claim: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  now: Date,
): Promise<boolean> {
  return settle(db, claim, { state: 'done', deliveredAt: now, lastError: null });
}

/** Records a failed attempt: due again at `retryAt`, or dead when `retryAt` is null. */
export async function markFailed(
  db: Db,
  claim: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  error: string,
  retryAt: Date | null,
): Promise<boolean> {
  return settle(
    db,
    claim,
    retryAt
      ? { state: 'pending', nextAttemptAt: retryAt, lastError: error }
      : { state: 'dead', lastError: error },
  );
}

/** Gives back a claim not yet attempted (the worker is stopping): due now, attempt uncounted. */
export async function releaseClaim(
  db: Db,
  claim: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  now: Date,
): Promise<boolean> {
  return settle(db, claim, { attempts: claim.attempts - 1, nextAttemptAt: now });
}

async function settle(
  db: Db,
  claim: Pick<ClaimedDelivery, 'id' | 'attempts'>,
  values: {
    state?: DeliveryState;
    attempts?: number;
    nextAttemptAt?: Date;
    deliveredAt?: Date;
    lastError?: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('outboxDelivery')
    .set(values)
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempts)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

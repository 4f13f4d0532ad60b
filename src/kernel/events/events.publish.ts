/**
 * Publishing an event: one INSERT in the caller's transaction. The event exists exactly
 * when the change that caused it was committed, and the worker delivers it afterwards, at
 * least once, to every handler of its type.
 */
import { isExpression, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { StatementBatch } from '../db/statement-batch';

export interface NewOutboxEvent {
  /** `<part>.<past_tense_fact>`, e.g. `feedback.report_received`. */
  type: string;
  /** Identifier of the record the event is about. */
  aggregateId: string | null;
  /**
   * JSON-serialisable facts handlers need; ids rather than personal data. In a batch, may
   * be a jsonb expression computed by the same statement (kernel/db/jsonb-with).
   */
  payload: unknown;
}

export const OUTBOX_CHANNEL = 'tinhso_outbox';

/** Inserts the event in `trx` and returns its id. */
export async function publish(
  trx: Kysely<any> | Transaction<any>,
  event: NewOutboxEvent,
): Promise<string> {
  // One round trip: the insert, and the NOTIFY that wakes listening workers when the
  // transaction commits (NOTIFY is transactional).
  const result = await sql<{ id: string }>`
    WITH e AS (${outboxInsert(event)} RETURNING id)
    SELECT e.id, pg_notify(${OUTBOX_CHANNEL}, '') FROM e
  `.execute(trx);
  return result.rows[0]!.id;
}

/** Adds the event to a one-statement batch (kernel/db/statement-batch), with its wake-up. */
export function publishInBatch(batch: StatementBatch, event: NewOutboxEvent): void {
  batch.add(outboxInsert(event)).notify(OUTBOX_CHANNEL);
}

function outboxInsert(event: NewOutboxEvent): RawBuilder<unknown> {
  if (event.type.length === 0) throw new Error('an outbox event needs a type');
  return sql`
    INSERT INTO outbox_event (type, aggregate_id, payload)
    VALUES (${event.type}, ${event.aggregateId}, ${
      isExpression(event.payload)
        ? event.payload
        : sql`${JSON.stringify(event.payload ?? null)}::jsonb`
    })
  `;
}

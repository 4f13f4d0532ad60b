/**
 * Publishing an event: one INSERT in the caller's transaction. The event exists exactly
 * when the change that caused it was committed, and the worker delivers it afterwards, at
 * least once, to every handler of its type.
 */
import { sql, type Kysely, type Transaction } from 'kysely';

export interface NewOutboxEvent {
  /** `<part>.<past_tense_fact>`, e.g. `feedback.report_received`. */
  type: string;
  /** Identifier of the record the event is about. */
  aggregateId: string | null;
  /** JSON-serialisable facts handlers need; ids rather than personal data. */
  payload: unknown;
}

export const OUTBOX_CHANNEL = 'tinhso_outbox';

/** Inserts the event in `trx` and returns its id. */
export async function publish(
  trx: Kysely<any> | Transaction<any>,
  event: NewOutboxEvent,
): Promise<string> {
  if (event.type.length === 0) throw new Error('an outbox event needs a type');
  const result = await sql<{ id: string }>`
    INSERT INTO outbox_event (type, aggregate_id, payload)
    VALUES (${event.type}, ${event.aggregateId}, ${JSON.stringify(event.payload ?? null)}::jsonb)
    RETURNING id
  `.execute(trx);
  // Wakes listening workers when the transaction commits (NOTIFY is transactional).
  await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
  return result.rows[0]!.id;
}

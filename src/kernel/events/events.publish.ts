/**
 * Publishing an event: one INSERT in the caller's transaction. The event exists exactly
 * when the change that caused it was committed, and the worker delivers it afterwards, at
 * least once, to every handler of its type. No NOTIFY goes with it: PostgreSQL serialises
 * the commits of every transaction that notifies (docs/decisions/0009); the worker polls.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { isCompiledQuery } from '../db/compilable';
import { plainInsert } from '../db/row-insert';
import type { StatementBatch } from '../db/statement-batch';

export interface NewOutboxEvent {
  /** `<part>.<past_tense_fact>`, e.g. `feedback.report_received`. */
  type: string;
  /** Identifier of the record the event is about. */
  aggregateId: string | null;
  /**
   * JSON-serialisable facts handlers need; ids rather than personal data. May be jsonb
   * computed by the same statement, as a compiled query (kernel/db/jsonb-with).
   */
  payload: unknown;
}

/** Inserts the event in `trx` and returns its id. */
export async function publish(
  trx: Kysely<any> | Transaction<any>,
  event: NewOutboxEvent,
): Promise<string> {
  const insert = outboxInsert(event);
  const result = await trx.executeQuery<{ id: string }>(
    CompiledQuery.raw(`${insert.sql} RETURNING id`, [...insert.parameters]),
  );
  return result.rows[0]!.id;
}

/** Adds the event to a one-statement batch (kernel/db/statement-batch). */
export function publishInBatch(batch: StatementBatch, event: NewOutboxEvent): void {
  batch.add(outboxInsert(event));
}

/** Written with the real column names (kernel/db/row-insert), for any Kysely instance. */
function outboxInsert(event: NewOutboxEvent): CompiledQuery {
  if (event.type.length === 0) throw new Error('an outbox event needs a type');
  return plainInsert('outbox_event', {
    type: event.type,
    aggregate_id: event.aggregateId,
    payload: isCompiledQuery(event.payload) ? event.payload : JSON.stringify(event.payload ?? null),
  });
}

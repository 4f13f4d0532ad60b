/**
 * Keeps the outbox small: an event is removed a week after every one of its deliveries
 * succeeded. Events with a pending or dead delivery stay until an operator deals with them.
 */
import { sql } from 'kysely';
import type { AppContext } from '../context';

export const DELIVERED_RETENTION_DAYS = 7;

export async function purgeDeliveredEvents(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - DELIVERED_RETENTION_DAYS * 86_400_000);
  const result = await sql`
    DELETE FROM outbox_event e
    WHERE e.fanned_out_at IS NOT NULL AND e.occurred_at < ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id AND d.state <> 'done'
      )
  `.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0);
}

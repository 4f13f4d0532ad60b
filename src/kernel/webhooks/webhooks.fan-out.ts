/**
 * Fan-out: how an event of the platform becomes webhook deliveries. A part that lets its
 * events be sent to external systems adds `webhookFanOut('<its event type>')` to its
 * manifest's handlers. When such an event arrives, one transaction records a delivery per
 * active subscription wanting it and publishes one `webhooks.deliver` outbox event each;
 * the deliveries are then sent, and retried, independently of one another.
 *
 * Declaring a fan-out also makes the type subscribable: administrators can only subscribe
 * to types that some part actually sends, so a typo is refused rather than silently idle.
 */
import type { Transaction } from 'kysely';
import type { KernelTables } from '../db/tables';
import type { EventHandler, OutboxEvent } from '../manifest';
import { publish } from '../events';
import { insertDeliveries, subscriptionsWanting } from './webhooks.queries';

/** The body every webhook request carries (JSON). */
export interface WebhookBody {
  /** Id of the platform event: the same on every retry, the receiver's de-duplication key. */
  id: string;
  type: string;
  occurredAt: string;
  data: unknown;
}

/** Payload of the `webhooks.deliver` outbox event. */
export interface DeliverPayload {
  deliveryId: string;
  body: WebhookBody;
}

export const DELIVER_EVENT = 'webhooks.deliver';
/** Event type of the test event an administrator sends by hand; not subscribable. */
export const TEST_EVENT = 'webhooks.test';

export const EVENT_TYPE_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$';
const EVENT_TYPE = new RegExp(EVENT_TYPE_PATTERN);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const subscribable = new Set<string>();

/** Event types some part fans out to webhooks, sorted. */
export function subscribableEventTypes(): string[] {
  return [...subscribable].sort();
}

export interface FanOutOptions {
  /**
   * The agency the event is about, which decides which subscriptions may receive it (see
   * `subscriptionsWanting`). Default: the payload's `agencyId`; none means province-wide.
   */
  agencyOf?: (event: OutboxEvent) => string | null;
}

function payloadAgency(event: OutboxEvent): string | null {
  const payload = event.payload as { agencyId?: unknown } | null;
  const agencyId = payload?.agencyId;
  return typeof agencyId === 'string' ? agencyId : null;
}

export function webhookFanOut(eventType: string, options: FanOutOptions = {}): EventHandler {
  if (!EVENT_TYPE.test(eventType) || eventType.startsWith('webhooks.')) {
    throw new Error(`"${eventType}" cannot be sent to webhooks`);
  }
  subscribable.add(eventType);
  const agencyOf = options.agencyOf ?? payloadAgency;
  return {
    name: `webhooks.fan_out.${eventType}`,
    event: eventType,
    handle: async (event, ctx) => {
      const agencyId = agencyOf(event);
      // Not an agency id: treated as province-wide rather than failing the event for good.
      const scope = agencyId !== null && UUID.test(agencyId) ? agencyId : null;
      const body: WebhookBody = {
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        data: event.payload ?? null,
      };
      await ctx.db.transaction().execute(async (trx) => {
        const subscriptions = await subscriptionsWanting(trx, event.type, scope);
        const now = ctx.clock.now();
        // On a second run for the same event only the missing rows are made and published.
        const created = await insertDeliveries(
          trx,
          subscriptions.map((subscriptionId) => ({
            subscriptionId,
            eventId: event.id,
            eventType: event.type,
            createdAt: now,
          })),
        );
        for (const delivery of created) await publishDelivery(trx, delivery.id, body);
      });
    },
  };
}

export async function publishDelivery(
  trx: Transaction<KernelTables>,
  deliveryId: string,
  body: WebhookBody,
): Promise<void> {
  const payload: DeliverPayload = { deliveryId, body };
  await publish(trx, { type: DELIVER_EVENT, aggregateId: deliveryId, payload });
}

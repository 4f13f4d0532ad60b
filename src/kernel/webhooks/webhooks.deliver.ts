/**
 * The `webhooks.deliver` handler: sends one delivery to its subscription's address, signed
 * with the subscription's current secret (and the previous one during a rotation's grace
 * period). A non-2xx answer or a network error throws, so the outbox retries with its
 * backoff and, after OUTBOX_MAX_ATTEMPTS, parks the delivery as a dead letter; the delivery
 * row records every attempt and its outcome for administrators.
 *
 * At least once: if the process dies between the receiver's 2xx and the row's update, the
 * request is sent again with the same Tinhso-Event-Id, which receivers use to de-duplicate.
 */
import type { AppContext } from '../context';
import type { EventHandler, OutboxEvent } from '../manifest';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import { decryptWebhookSecret } from './webhook-secret';
import { postWebhook } from './webhook-post';
import { DELIVER_EVENT, type DeliverPayload } from './webhooks.fan-out';
import {
  findDeliveryTarget,
  outboxAttemptOf,
  recordAttempt,
  type AttemptRecord,
} from './webhooks.queries';

const MAX_ERROR_LENGTH = 1000;

type Target = NonNullable<Awaited<ReturnType<typeof findDeliveryTarget>>>;

function signingSecrets(ctx: AppContext, target: Target, now: Date): string[] {
  const secrets = [decryptWebhookSecret(ctx.config, target.subscriptionId, target.secretEncrypted)];
  if (
    target.previousSecretEncrypted &&
    target.previousSecretExpiresAt &&
    target.previousSecretExpiresAt > now
  ) {
    secrets.push(
      decryptWebhookSecret(
        ctx.config,
        target.subscriptionId,
        target.previousSecretEncrypted,
        'previous_secret',
      ),
    );
  }
  return secrets;
}

async function deliver(event: OutboxEvent, ctx: AppContext): Promise<void> {
  const { deliveryId, body } = event.payload as DeliverPayload;
  const target = await findDeliveryTarget(ctx.db, deliveryId);
  if (!target) {
    ctx.log.warn({ deliveryId }, 'webhook delivery no longer exists; nothing sent');
    return;
  }
  const record = (attempt: AttemptRecord) =>
    ctx.db.transaction().execute((trx) => recordAttempt(trx, target, attempt));
  // Already sent by an earlier run of this same outbox delivery.
  if (target.status === 'delivered') return;
  if (!target.active) {
    await record({
      status: 'failed',
      statusCode: null,
      error: 'subscription deactivated before delivery; not sent',
      at: ctx.clock.now(),
      counted: false,
    });
    return;
  }

  const now = ctx.clock.now();
  const raw = JSON.stringify(body);
  const outcome = await postWebhook(
    target.url,
    raw,
    {
      [SIGNATURE_HEADER]: signWebhook(signingSecrets(ctx, target, now), raw, now),
      'Tinhso-Event-Id': body.id,
      'Tinhso-Event-Type': body.type,
    },
    {
      timeoutMs: ctx.config.webhookTimeoutMs,
      policy: { allowPrivateNetwork: ctx.config.webhookAllowPrivateNetwork },
    },
  );
  const at = ctx.clock.now();
  if (outcome.ok) {
    await record({
      status: 'delivered',
      statusCode: outcome.statusCode,
      error: null,
      at,
      counted: true,
    });
    return;
  }
  const error = (outcome.error ?? 'failed').slice(0, MAX_ERROR_LENGTH);
  // The last attempt the outbox will make: after it the delivery is given up (a dead letter).
  const final =
    (await outboxAttemptOf(ctx.db, event.id, DELIVER_EVENT)) >= ctx.config.outboxMaxAttempts;
  await record({
    status: final ? 'failed' : 'pending',
    statusCode: outcome.statusCode,
    error,
    at,
    counted: true,
  });
  throw new Error(`webhook ${target.subscriptionId} not delivered: ${error}`);
}

export const deliverWebhookHandler: EventHandler = {
  name: DELIVER_EVENT,
  event: DELIVER_EVENT,
  handle: deliver,
};

/**
 * The outbox handler that carries a queued packet to its recipient organ, routed when it runs
 * (so a peer added or disabled meanwhile is taken into account):
 *
 * - to an agency of this platform: the receive pipeline, in-process;
 * - to a peer: HTTP POST with the peer's key (exchange-http.ts);
 * - no route: nothing sent.
 *
 * Every attempt is recorded on the package (attempts, last error). A failure that may pass
 * (network, 5xx, a refused key, no route) throws, so the outbox retries with its backoff;
 * when the outbox makes its last attempt the package stays `failed` with the reason. A
 * refusal that resending cannot change (400, 413, 415, 422) fails it at once. The receiver
 * recognises a packet it already has by its bytes, so a delivery repeated after a crash is
 * answered like the first and registers nothing twice.
 */
import type { AppContext } from '../../../kernel/context';
import type { EventHandler, OutboxEvent } from '../../../kernel/manifest';
import { AppError } from '../../../kernel/errors/app-error';
import { exchangeDb } from './exchange-db';
import { postPackage } from './exchange-http';
import { PACKAGE_QUEUED_EVENT, findPackage, type PackageQueuedPayload } from './exchange-packages';
import { decryptPeerKey } from './exchange-peers';
import { routeFor } from './exchange-routing';
import { receivePackage } from './receive';

export const DELIVER_HANDLER = 'documents.exchange_deliver';
const MAX_ERROR_LENGTH = 1000;

interface Delivered {
  peerId: string | null;
  receiptCode: '01' | '02' | null;
  code: string | null;
  reason: string | null;
}

class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly permanent: boolean,
    readonly peerId: string | null,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

async function send(ctx: AppContext, xml: string, toOrgan: string): Promise<Delivered> {
  const route = await routeFor(exchangeDb(ctx), toOrgan);
  if (route.kind === 'none') {
    throw new DeliveryFailure(
      `no route to ${toOrgan}: not an agency here and no peer serves its code`,
      'EXCHANGE_NO_ROUTE',
      false,
      null,
    );
  }
  if (route.kind === 'local') {
    try {
      const outcome = await receivePackage(ctx, xml, { kind: 'local' });
      return {
        peerId: null,
        receiptCode: outcome.statusCode,
        code: outcome.code ?? null,
        reason: outcome.reason ?? null,
      };
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        throw new DeliveryFailure(error.message, error.code, true, null);
      }
      throw error;
    }
  }
  const result = await postPackage(
    route.baseUrl,
    xml,
    decryptPeerKey(ctx, route.peerId, route.apiKeyEncrypted),
    ctx.config.webhookTimeoutMs,
  );
  if (!result.ok) {
    throw new DeliveryFailure(
      `${route.name}: ${result.error}`,
      'EXCHANGE_DELIVERY_FAILED',
      result.permanent,
      route.peerId,
    );
  }
  return {
    peerId: route.peerId,
    receiptCode: result.answer.statusCode ?? null,
    code: result.answer.code ?? null,
    reason: result.answer.reason ?? null,
  };
}

/** The attempt number the outbox is making of this delivery. */
async function outboxAttempt(ctx: AppContext, eventId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('outboxDelivery')
    .select('attempts')
    .where('eventId', '=', eventId)
    .where('handler', '=', DELIVER_HANDLER)
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

async function deliver(event: OutboxEvent, ctx: AppContext): Promise<void> {
  const { packageId } = event.payload as PackageQueuedPayload;
  const db = exchangeDb(ctx);
  const pkg = await findPackage(db, packageId);
  if (!pkg || pkg.direction !== 'out') {
    ctx.log.warn({ packageId }, 'exchange package no longer exists; nothing sent');
    return;
  }
  if (pkg.state === 'delivered') return;
  const attempted = { attempts: pkg.attempts + 1, lastAttemptAt: ctx.clock.now() };
  try {
    const done = await send(ctx, pkg.xml, pkg.toOrgan!);
    const at = ctx.clock.now();
    await db
      .updateTable('exchangePackage')
      .set({
        ...attempted,
        state: 'delivered',
        deliveredAt: at,
        peerId: done.peerId,
        receiptCode: done.receiptCode,
        errorCode: done.receiptCode === '02' ? done.code : null,
        lastError: done.receiptCode === '02' ? done.reason : null,
      })
      .where('id', '=', pkg.id)
      .execute();
  } catch (error) {
    const failure =
      error instanceof DeliveryFailure
        ? error
        : new DeliveryFailure(
            error instanceof Error ? error.message : String(error),
            'EXCHANGE_DELIVERY_FAILED',
            false,
            null,
          );
    const final =
      failure.permanent || (await outboxAttempt(ctx, event.id)) >= ctx.config.outboxMaxAttempts;
    await db
      .updateTable('exchangePackage')
      .set({
        ...attempted,
        state: final ? 'failed' : 'queued',
        errorCode: failure.code,
        lastError: failure.message.slice(0, MAX_ERROR_LENGTH),
        ...(failure.peerId ? { peerId: failure.peerId } : {}),
      })
      .where('id', '=', pkg.id)
      .execute();
    // A refusal resending cannot change is final: the outbox need not try again.
    if (failure.permanent) {
      ctx.log.warn({ packageId, err: failure }, 'exchange package refused for good');
      return;
    }
    throw failure;
  }
}

export const deliverPackageHandler: EventHandler = {
  name: DELIVER_HANDLER,
  event: PACKAGE_QUEUED_EVENT,
  handle: deliver,
};

/**
 * Administration of webhook subscriptions: rules, authorisation and transactions. A
 * subscription belongs to an agency; administrators holding `webhooks.manage` see and change
 * those of their agency subtree (outside it a subscription does not exist for them). Every
 * change is audited — never the secret, which is returned once, at creation or rotation.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { AppError } from '../errors/app-error';
import { authorizeRecord, permissionScope } from '../auth/authorize';
import { PERMISSIONS } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { WebhookDeliveryStatus } from './webhooks.tables';
import { webhookErrors } from './webhooks.errors';
import { checkWebhookUrl } from './webhook-url';
import {
  decryptWebhookSecret,
  encryptWebhookSecret,
  generateWebhookSecret,
} from './webhook-secret';
import { publishDelivery, subscribableEventTypes, TEST_EVENT } from './webhooks.fan-out';
import {
  findDelivery,
  findSubscription,
  insertDeliveries,
  insertSubscription,
  listDeliveries,
  listSubscriptions,
  lockSubscription,
  updateSubscription,
  type DeliveryRow,
  type SubscriptionRow,
} from './webhooks.queries';

const MANAGE = PERMISSIONS.webhooksManage;

export interface RequestFacts {
  ip: string;
  requestId: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SubscriptionView {
  id: string;
  agency: { id: string; code: string; name: string };
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdBy: { id: string; fullName: string } | null;
  createdAt: string;
  updatedAt: string;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  previousSecretExpiresAt: string | null;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

function presentSubscription(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName },
    name: row.name,
    url: row.url,
    eventTypes: row.eventTypes,
    active: row.active,
    createdBy:
      row.creatorId && row.creatorName ? { id: row.creatorId, fullName: row.creatorName } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastFailureAt: row.lastFailureAt?.toISOString() ?? null,
    lastError: row.lastError,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
  };
}

function presentDelivery(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function requireAllowedUrl(ctx: AppContext, url: string): string {
  const checked = checkWebhookUrl(url, {
    allowPrivateNetwork: ctx.config.webhookAllowPrivateNetwork,
  });
  if (!checked.ok) {
    throw webhookErrors.WEBHOOK_URL_NOT_ALLOWED({ field: 'body.url', reason: checked.reason });
  }
  return checked.url.href;
}

function requireSubscribable(eventTypes: readonly string[]): string[] {
  const known = new Set(subscribableEventTypes());
  const unknown = eventTypes.filter((type) => !known.has(type));
  if (unknown.length > 0) {
    throw webhookErrors.WEBHOOK_EVENT_TYPE_UNKNOWN({
      eventTypes: unknown,
      subscribable: [...known],
    });
  }
  return [...new Set(eventTypes)].sort();
}

/** The subscription, if `principal` may manage it; 404 alike when missing or out of scope. */
async function reachableSubscription(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<SubscriptionRow> {
  const row = await findSubscription(ctx.db, id);
  if (!row) throw webhookErrors.WEBHOOK_NOT_FOUND();
  try {
    await authorizeRecord(ctx, principal, MANAGE, row.agencyId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw webhookErrors.WEBHOOK_NOT_FOUND();
    }
    throw error;
  }
  return row;
}

async function loadView(ctx: AppContext, id: string): Promise<SubscriptionView> {
  return presentSubscription((await findSubscription(ctx.db, id))!);
}

function actorOf(principal: Principal, request: RequestFacts) {
  return {
    actorType: principal.kind,
    actorId: principal.id,
    ip: request.ip,
    requestId: request.requestId,
  };
}

export async function listWebhookSubscriptions(
  ctx: AppContext,
  principal: Principal,
  query: { active?: boolean; page: number; pageSize: number },
): Promise<Paged<SubscriptionView>> {
  const scope = await permissionScope(ctx, principal, MANAGE);
  if (scope.agencyIds.length === 0) {
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  }
  const { rows, total } = await listSubscriptions(
    ctx.db,
    { agencyIds: scope.agencyIds, active: query.active },
    query,
  );
  return {
    items: rows.map(presentSubscription),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getWebhookSubscription(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<SubscriptionView> {
  return presentSubscription(await reachableSubscription(ctx, principal, id));
}

export interface CreateSubscriptionInput {
  agencyId: string;
  name: string;
  url: string;
  eventTypes: string[];
  active?: boolean;
}

export async function createWebhookSubscription(
  ctx: AppContext,
  principal: Principal,
  request: RequestFacts,
  input: CreateSubscriptionInput,
): Promise<{ subscription: SubscriptionView; secret: string }> {
  await authorizeRecord(ctx, principal, MANAGE, input.agencyId);
  const url = requireAllowedUrl(ctx, input.url);
  const eventTypes = requireSubscribable(input.eventTypes);
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const now = ctx.clock.now();
  const name = input.name.trim();
  const active = input.active ?? true;
  await ctx.db.transaction().execute(async (trx) => {
    await insertSubscription(trx, {
      id,
      agencyId: input.agencyId,
      name,
      url,
      eventTypes,
      secretEncrypted: encryptWebhookSecret(ctx.config, id, secret),
      active,
      createdBy: principal.kind === 'user' ? principal.id : null,
      createdAt: now,
    });
    await recordAudit(trx, {
      ...actorOf(principal, request),
      action: 'webhooks.subscription_created',
      recordType: 'webhook_subscription',
      recordId: id,
      details: { agencyId: input.agencyId, name, url, eventTypes, active },
    });
  });
  return { subscription: await loadView(ctx, id), secret };
}

export interface UpdateSubscriptionInput {
  name?: string;
  url?: string;
  eventTypes?: string[];
  active?: boolean;
}

export async function updateWebhookSubscription(
  ctx: AppContext,
  principal: Principal,
  request: RequestFacts,
  id: string,
  input: UpdateSubscriptionInput,
): Promise<SubscriptionView> {
  await reachableSubscription(ctx, principal, id);
  const wanted = {
    name: input.name?.trim(),
    url: input.url === undefined ? undefined : requireAllowedUrl(ctx, input.url),
    eventTypes: input.eventTypes === undefined ? undefined : requireSubscribable(input.eventTypes),
    active: input.active,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await lockSubscription(trx, id))!;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const values: Parameters<typeof updateSubscription>[2] = {};
    if (wanted.name !== undefined && wanted.name !== current.name) {
      changes.name = { from: current.name, to: wanted.name };
      values.name = wanted.name;
    }
    if (wanted.url !== undefined && wanted.url !== current.url) {
      changes.url = { from: current.url, to: wanted.url };
      values.url = wanted.url;
    }
    if (
      wanted.eventTypes !== undefined &&
      wanted.eventTypes.join('\n') !== current.eventTypes.join('\n')
    ) {
      changes.eventTypes = { from: current.eventTypes, to: wanted.eventTypes };
      values.eventTypes = wanted.eventTypes;
    }
    if (wanted.active !== undefined && wanted.active !== current.active) {
      changes.active = { from: current.active, to: wanted.active };
      values.active = wanted.active;
    }
    if (Object.keys(changes).length === 0) return;
    await updateSubscription(trx, id, { ...values, updatedAt: ctx.clock.now() });
    await recordAudit(trx, {
      ...actorOf(principal, request),
      action: 'webhooks.subscription_updated',
      recordType: 'webhook_subscription',
      recordId: id,
      details: { changes },
    });
  });
  return loadView(ctx, id);
}

/** Soft deletion: the subscription stops receiving and keeps its delivery history. */
export async function deactivateWebhookSubscription(
  ctx: AppContext,
  principal: Principal,
  request: RequestFacts,
  id: string,
): Promise<SubscriptionView> {
  await reachableSubscription(ctx, principal, id);
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await lockSubscription(trx, id))!;
    if (!current.active) return;
    await updateSubscription(trx, id, { active: false, updatedAt: ctx.clock.now() });
    await recordAudit(trx, {
      ...actorOf(principal, request),
      action: 'webhooks.subscription_deactivated',
      recordType: 'webhook_subscription',
      recordId: id,
      details: { name: current.name, url: current.url },
    });
  });
  return loadView(ctx, id);
}

/**
 * A new secret, effective for the next request. With `keepPreviousHours` > 0 the old one
 * keeps signing beside it (two `v1` signatures) for that long, so the receiver can switch
 * without refusing a request; 0 ends it at once, as a leaked secret requires.
 */
export async function rotateWebhookSecret(
  ctx: AppContext,
  principal: Principal,
  request: RequestFacts,
  id: string,
  keepPreviousHours: number,
): Promise<{ subscription: SubscriptionView; secret: string }> {
  await reachableSubscription(ctx, principal, id);
  const secret = generateWebhookSecret();
  const now = ctx.clock.now();
  const previousExpiresAt =
    keepPreviousHours > 0 ? new Date(now.getTime() + keepPreviousHours * 3_600_000) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await lockSubscription(trx, id))!;
    const previous = previousExpiresAt
      ? encryptWebhookSecret(
          ctx.config,
          id,
          decryptWebhookSecret(ctx.config, id, current.secretEncrypted),
          'previous_secret',
        )
      : null;
    await updateSubscription(trx, id, {
      secretEncrypted: encryptWebhookSecret(ctx.config, id, secret),
      previousSecretEncrypted: previous,
      previousSecretExpiresAt: previousExpiresAt,
      updatedAt: now,
    });
    await recordAudit(trx, {
      ...actorOf(principal, request),
      action: 'webhooks.secret_rotated',
      recordType: 'webhook_subscription',
      recordId: id,
      details: { previousSecretExpiresAt: previousExpiresAt?.toISOString() ?? null },
    });
  });
  return { subscription: await loadView(ctx, id), secret };
}

export async function listWebhookDeliveries(
  ctx: AppContext,
  principal: Principal,
  id: string,
  query: { status?: WebhookDeliveryStatus; page: number; pageSize: number },
): Promise<Paged<DeliveryView>> {
  await reachableSubscription(ctx, principal, id);
  const { rows, total } = await listDeliveries(ctx.db, id, { status: query.status }, query);
  return { items: rows.map(presentDelivery), total, page: query.page, pageSize: query.pageSize };
}

/** Queues a `webhooks.test` event for this subscription alone, through the usual delivery. */
export async function sendTestEvent(
  ctx: AppContext,
  principal: Principal,
  request: RequestFacts,
  id: string,
): Promise<DeliveryView> {
  const subscription = await reachableSubscription(ctx, principal, id);
  if (!subscription.active) throw webhookErrors.WEBHOOK_INACTIVE();
  const eventId = randomUUID();
  const now = ctx.clock.now();
  const deliveryId = await ctx.db.transaction().execute(async (trx) => {
    const [delivery] = await insertDeliveries(trx, [
      { subscriptionId: id, eventId, eventType: TEST_EVENT, createdAt: now },
    ]);
    await publishDelivery(trx, delivery!.id, {
      id: eventId,
      type: TEST_EVENT,
      occurredAt: now.toISOString(),
      data: {
        subscriptionId: id,
        message: 'Sự kiện thử từ Tỉnh số — a test event from tinhso',
      },
    });
    await recordAudit(trx, {
      ...actorOf(principal, request),
      action: 'webhooks.test_event_sent',
      recordType: 'webhook_subscription',
      recordId: id,
      details: { eventId, deliveryId: delivery!.id },
    });
    return delivery!.id;
  });
  return presentDelivery((await findDelivery(ctx.db, deliveryId))!);
}

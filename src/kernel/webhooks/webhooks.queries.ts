/** SQL of webhooks: subscriptions, their deliveries, and the lookups of fan-out and delivery. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { KernelTables } from '../db/tables';
import type { WebhookDeliveryStatus } from './webhooks.tables';

type Db = Kysely<KernelTables> | Transaction<KernelTables>;

export interface NewSubscriptionRow {
  id: string;
  agencyId: string;
  name: string;
  url: string;
  eventTypes: string[];
  secretEncrypted: string;
  active: boolean;
  createdBy: string | null;
  createdAt: Date;
}

export async function insertSubscription(db: Db, row: NewSubscriptionRow): Promise<void> {
  await db
    .insertInto('webhookSubscription')
    .values({
      ...row,
      previousSecretEncrypted: null,
      previousSecretExpiresAt: null,
      updatedAt: row.createdAt,
      lastSuccessAt: null,
      lastFailureAt: null,
      lastError: null,
    })
    .execute();
}

/** A subscription with the names people see beside it; no secret. */
export function subscriptionQuery(db: Db) {
  return db
    .selectFrom('webhookSubscription as s')
    .innerJoin('agency as a', 'a.id', 's.agencyId')
    .leftJoin('appUser as u', 'u.id', 's.createdBy')
    .select([
      's.id',
      's.name',
      's.url',
      's.eventTypes',
      's.active',
      's.createdAt',
      's.updatedAt',
      's.lastSuccessAt',
      's.lastFailureAt',
      's.lastError',
      's.previousSecretExpiresAt',
      'a.id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'u.id as creatorId',
      'u.fullName as creatorName',
    ]);
}

export type SubscriptionRow = Awaited<
  ReturnType<ReturnType<typeof subscriptionQuery>['executeTakeFirstOrThrow']>
>;

export async function findSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  return subscriptionQuery(db).where('s.id', '=', id).executeTakeFirst();
}

/** The subscription's row locked for a change, secrets included. */
export async function lockSubscription(db: Db, id: string) {
  return db
    .selectFrom('webhookSubscription')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listSubscriptions(
  db: Db,
  filter: { agencyIds: string[]; active?: boolean },
  page: { page: number; pageSize: number },
): Promise<{ rows: SubscriptionRow[]; total: number }> {
  let rows = subscriptionQuery(db).where('s.agencyId', 'in', filter.agencyIds);
  let count = db
    .selectFrom('webhookSubscription')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agencyId', 'in', filter.agencyIds);
  if (filter.active !== undefined) {
    rows = rows.where('s.active', '=', filter.active);
    count = count.where('active', '=', filter.active);
  }
  const [items, total] = await Promise.all([
    rows
      .orderBy('s.createdAt', 'desc')
      .orderBy('s.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(total.n) };
}

export async function updateSubscription(
  db: Db,
  id: string,
  values: Partial<{
    name: string;
    url: string;
    eventTypes: string[];
    active: boolean;
    secretEncrypted: string;
    previousSecretEncrypted: string | null;
    previousSecretExpiresAt: Date | null;
    updatedAt: Date;
  }>,
): Promise<void> {
  await db.updateTable('webhookSubscription').set(values).where('id', '=', id).execute();
}

/**
 * Active subscriptions that want `eventType` and may see an event of `agencyId`: those
 * owned by that agency or one above it. An event without an agency is province-wide and
 * goes only to subscriptions owned by a root agency — the rule `authorizeRecord` applies
 * to people, so a subscription never learns more than its owners could read.
 */
export async function subscriptionsWanting(
  db: Db,
  eventType: string,
  agencyId: string | null,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT s.id FROM webhook_subscription s
    JOIN agency owner ON owner.id = s.agency_id
    WHERE s.active AND s.event_types @> ARRAY[${eventType}]::text[]
      AND ${
        agencyId === null
          ? sql`owner.parent_id IS NULL`
          : sql`EXISTS (
              SELECT 1 FROM agency subject
              WHERE subject.id = ${agencyId}::uuid AND subject.path LIKE owner.path || '%'
            )`
      }
    ORDER BY s.id
  `.execute(db);
  return rows.rows.map((row) => row.id);
}

export interface NewDeliveryRow {
  subscriptionId: string;
  eventId: string;
  eventType: string;
  createdAt: Date;
}

/** Inserts the deliveries not made yet and returns those it made. */
export async function insertDeliveries(
  db: Db,
  rows: NewDeliveryRow[],
): Promise<Array<{ id: string; subscriptionId: string }>> {
  if (rows.length === 0) return [];
  return db
    .insertInto('webhookDelivery')
    .values(rows)
    .onConflict((oc) => oc.columns(['eventId', 'subscriptionId']).doNothing())
    .returning(['id', 'subscriptionId'])
    .execute();
}

const deliveryColumns = [
  'id',
  'eventId',
  'eventType',
  'status',
  'attempts',
  'lastStatusCode',
  'lastError',
  'lastAttemptAt',
  'deliveredAt',
  'createdAt',
] as const;

export async function findDelivery(db: Db, id: string) {
  return db
    .selectFrom('webhookDelivery')
    .select(deliveryColumns)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

export async function listDeliveries(
  db: Db,
  subscriptionId: string,
  filter: { status?: WebhookDeliveryStatus },
  page: { page: number; pageSize: number },
): Promise<{ rows: DeliveryRow[]; total: number }> {
  let rows = db
    .selectFrom('webhookDelivery')
    .select(deliveryColumns)
    .where('subscriptionId', '=', subscriptionId);
  let count = db
    .selectFrom('webhookDelivery')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subscriptionId', '=', subscriptionId);
  if (filter.status) {
    rows = rows.where('status', '=', filter.status);
    count = count.where('status', '=', filter.status);
  }
  const [items, total] = await Promise.all([
    rows
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(total.n) };
}

/** What sending a delivery needs: its state and its subscription's address and secrets. */
export async function findDeliveryTarget(db: Db, deliveryId: string) {
  return db
    .selectFrom('webhookDelivery as d')
    .innerJoin('webhookSubscription as s', 's.id', 'd.subscriptionId')
    .select([
      'd.id',
      'd.status',
      's.id as subscriptionId',
      's.url',
      's.active',
      's.secretEncrypted',
      's.previousSecretEncrypted',
      's.previousSecretExpiresAt',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export interface AttemptRecord {
  status: WebhookDeliveryStatus;
  statusCode: number | null;
  error: string | null;
  at: Date;
  /** false: the outcome is recorded without counting an attempt (nothing was sent). */
  counted: boolean;
}

/** Writes the outcome of an attempt on the delivery and on its subscription. */
export async function recordAttempt(
  db: Db,
  target: { id: string; subscriptionId: string },
  attempt: AttemptRecord,
): Promise<void> {
  await db
    .updateTable('webhookDelivery')
    .set((eb) => ({
      status: attempt.status,
      attempts: attempt.counted ? eb('attempts', '+', 1) : eb.ref('attempts'),
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error,
      lastAttemptAt: attempt.counted ? attempt.at : eb.ref('lastAttemptAt'),
      deliveredAt: attempt.status === 'delivered' ? attempt.at : null,
    }))
    .where('id', '=', target.id)
    .execute();
  if (!attempt.counted) return;
  await db
    .updateTable('webhookSubscription')
    .set(
      attempt.status === 'delivered'
        ? { lastSuccessAt: attempt.at }
        : { lastFailureAt: attempt.at, lastError: attempt.error },
    )
    .where('id', '=', target.subscriptionId)
    .execute();
}

/**
 * Which attempt of the outbox's delivery of `outboxEventId` to `handler` is running. The
 * outbox does not tell its handlers; its row does, and a dead-letter retry resets it.
 */
export async function outboxAttemptOf(
  db: Db,
  outboxEventId: string,
  handler: string,
): Promise<number> {
  const row = await db
    .selectFrom('outboxDelivery')
    .select('attempts')
    .where('eventId', '=', outboxEventId)
    .where('handler', '=', handler)
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

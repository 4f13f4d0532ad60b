/**
 * Operator actions on the outbox: listing dead letters and sending one back to its handler.
 * A retry starts the delivery afresh (attempt counter reset) and is audited.
 */
import type { AppContext } from '../context';
import { recordAudit, type AuditActorType } from '../audit';
import { eventsErrors } from './events.errors';

export interface DeadLetter {
  id: number;
  eventId: string;
  eventType: string;
  aggregateId: string | null;
  handler: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  occurredAt: Date;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export async function listDeadLetters(
  ctx: AppContext,
  page: number,
  pageSize: number,
): Promise<Paged<DeadLetter>> {
  const base = ctx.db.selectFrom('outboxDelivery as d').where('d.state', '=', 'dead');
  const [items, count] = await Promise.all([
    base
      .innerJoin('outboxEvent as e', 'e.id', 'd.eventId')
      .select([
        'd.id',
        'd.eventId',
        'e.type as eventType',
        'e.aggregateId',
        'd.handler',
        'd.attempts',
        'd.lastError',
        'd.lastAttemptAt',
        'e.occurredAt',
      ])
      .orderBy('d.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, page, pageSize, total: Number(count.total) };
}

export interface RetryActor {
  actorType: AuditActorType;
  actorId: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface RetriedDelivery {
  id: number;
  eventId: string;
  handler: string;
  state: 'pending';
  nextAttemptAt: Date;
}

export async function retryDeadLetter(
  ctx: AppContext,
  id: number,
  actor: RetryActor,
): Promise<RetriedDelivery> {
  return ctx.db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('outboxDelivery')
      .select(['id', 'eventId', 'handler', 'state', 'attempts', 'lastError'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!delivery) throw eventsErrors.DELIVERY_NOT_FOUND({ id });
    if (delivery.state !== 'dead')
      throw eventsErrors.DELIVERY_NOT_DEAD({ id, state: delivery.state });
    const now = ctx.clock.now();
    await trx
      .updateTable('outboxDelivery')
      .set({ state: 'pending', attempts: 0, nextAttemptAt: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      ...actor,
      action: 'events.delivery_retried',
      recordType: 'outbox_delivery',
      recordId: String(id),
      details: {
        eventId: delivery.eventId,
        handler: delivery.handler,
        failedAttempts: delivery.attempts,
        lastError: delivery.lastError,
      },
    });
    return {
      id: delivery.id,
      eventId: delivery.eventId,
      handler: delivery.handler,
      state: 'pending' as const,
      nextAttemptAt: now,
    };
  });
}

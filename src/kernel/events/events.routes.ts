/** Admin API of the outbox: dead letters and their manual retry (permission events.manage). */
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { PERMISSIONS } from '../auth/permissions';
import { listDeadLetters, retryDeadLetter } from './events.service';
import { DeadLetterPage, DeliveryParams, PageQuery, RetriedDeliveryView } from './events.schemas';

export async function eventsRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/events/dead-letters',
    {
      schema: {
        tags: ['events'],
        summary: 'Event deliveries that failed for good (dead letters), newest first',
        querystring: PageQuery,
        response: { 200: DeadLetterPage },
      },
    },
    async (request) => {
      requirePermission(request, PERMISSIONS.eventsManage);
      const page = await listDeadLetters(ctx, request.query.page, request.query.pageSize);
      return {
        ...page,
        items: page.items.map((item) => ({
          ...item,
          lastAttemptAt: item.lastAttemptAt?.toISOString() ?? null,
          occurredAt: item.occurredAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/events/deliveries/:id/retry',
    {
      schema: {
        tags: ['events'],
        summary: 'Send a dead letter back to its handler, with a fresh attempt count',
        params: DeliveryParams,
        response: { 200: RetriedDeliveryView },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.eventsManage);
      const retried = await retryDeadLetter(ctx, request.params.id, {
        actorType: principal.kind,
        actorId: principal.id,
        ip: request.ip,
        requestId: request.id,
      });
      return { ...retried, nextAttemptAt: retried.nextAttemptAt.toISOString() };
    },
  );
}

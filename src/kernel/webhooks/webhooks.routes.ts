/** HTTP API of webhook subscriptions (/api/webhooks), for staff holding `webhooks.manage`. */
import type { FastifyRequest } from 'fastify';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { PERMISSIONS } from '../auth/permissions';
import * as webhooks from './webhooks.service';
import { subscribableEventTypes } from './webhooks.fan-out';
import {
  CreateSubscriptionBody,
  DeliveryListQuery,
  DeliveryPage,
  DeliveryReply,
  EventTypeList,
  IdParams,
  ProblemResponse,
  RotateSecretQuery,
  SecretReply,
  SubscriptionListQuery,
  SubscriptionPage,
  SubscriptionReply,
  UpdateSubscriptionBody,
} from './webhooks.schemas';

const tags = ['webhooks'];
const problems = {
  400: ProblemResponse,
  401: ProblemResponse,
  403: ProblemResponse,
  404: ProblemResponse,
  409: ProblemResponse,
  422: ProblemResponse,
};

const facts = (request: FastifyRequest): webhooks.RequestFacts => ({
  ip: request.ip,
  requestId: request.id,
});

export async function webhookRoutes(app: Api, ctx: AppContext): Promise<void> {
  const manager = (request: FastifyRequest) =>
    requirePermission(request, PERMISSIONS.webhooksManage);

  app.get(
    '/webhooks/event-types',
    {
      schema: {
        tags,
        summary: 'Loại sự kiện có thể đăng ký — event types that can be subscribed to',
        response: { 200: EventTypeList, ...problems },
      },
    },
    async (request) => {
      manager(request);
      return { eventTypes: subscribableEventTypes() };
    },
  );

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Danh sách đăng ký webhook — webhook subscriptions in your scope',
        querystring: SubscriptionListQuery,
        response: { 200: SubscriptionPage, ...problems },
      },
    },
    async (request) => webhooks.listWebhookSubscriptions(ctx, manager(request), request.query),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Tạo đăng ký webhook (bí mật chỉ hiện một lần) — create; the secret is shown once',
        body: CreateSubscriptionBody,
        response: { 201: SecretReply, ...problems },
      },
    },
    async (request, reply) => {
      const created = await webhooks.createWebhookSubscription(
        ctx,
        manager(request),
        facts(request),
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Một đăng ký webhook — one webhook subscription',
        params: IdParams,
        response: { 200: SubscriptionReply, ...problems },
      },
    },
    async (request) => ({
      subscription: await webhooks.getWebhookSubscription(ctx, manager(request), request.params.id),
    }),
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Sửa địa chỉ, loại sự kiện, trạng thái — update address, event types, state',
        params: IdParams,
        body: UpdateSubscriptionBody,
        response: { 200: SubscriptionReply, ...problems },
      },
    },
    async (request) => ({
      subscription: await webhooks.updateWebhookSubscription(
        ctx,
        manager(request),
        facts(request),
        request.params.id,
        request.body,
      ),
    }),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Tắt đăng ký webhook (giữ lịch sử) — deactivate; the history is kept',
        params: IdParams,
        response: { 200: SubscriptionReply, ...problems },
      },
    },
    async (request) => ({
      subscription: await webhooks.deactivateWebhookSubscription(
        ctx,
        manager(request),
        facts(request),
        request.params.id,
      ),
    }),
  );

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Đổi bí mật ký (hiện một lần) — rotate the signing secret, shown once',
        params: IdParams,
        querystring: RotateSecretQuery,
        response: { 200: SecretReply, ...problems },
      },
    },
    async (request) =>
      webhooks.rotateWebhookSecret(
        ctx,
        manager(request),
        facts(request),
        request.params.id,
        request.query.keepPreviousHours,
      ),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Các lượt gửi, mới nhất trước — deliveries of a subscription, newest first',
        params: IdParams,
        querystring: DeliveryListQuery,
        response: { 200: DeliveryPage, ...problems },
      },
    },
    async (request) =>
      webhooks.listWebhookDeliveries(ctx, manager(request), request.params.id, request.query),
  );

  app.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Gửi một sự kiện thử — send a test event to this subscription',
        params: IdParams,
        response: { 202: DeliveryReply, ...problems },
      },
    },
    async (request, reply) => {
      const delivery = await webhooks.sendTestEvent(
        ctx,
        manager(request),
        facts(request),
        request.params.id,
      );
      return reply.status(202).send({ delivery });
    },
  );
}

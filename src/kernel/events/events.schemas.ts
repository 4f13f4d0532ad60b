/** Request and response shapes of the outbox admin API. */
import { Type } from 'typebox';

export const PageQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

const Timestamp = Type.String({ format: 'date-time' });

export const DeadLetterView = Type.Object({
  id: Type.Integer(),
  eventId: Type.String({ format: 'uuid' }),
  eventType: Type.String(),
  aggregateId: Type.Union([Type.String(), Type.Null()]),
  handler: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
  occurredAt: Timestamp,
});

export const DeadLetterPage = Type.Object({
  items: Type.Array(DeadLetterView),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const DeliveryParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const RetriedDeliveryView = Type.Object({
  id: Type.Integer(),
  eventId: Type.String({ format: 'uuid' }),
  handler: Type.String(),
  state: Type.Literal('pending'),
  nextAttemptAt: Timestamp,
});

/** Request and response shapes of the webhook API (validation, OpenAPI, response filtering). */
import { Type } from 'typebox';
import {
  AgencyRef,
  DateTime,
  Nullable,
  ProblemResponse,
  StringEnum,
  Uuid,
} from '../auth/auth.schemas';
import { EVENT_TYPE_PATTERN } from './webhooks.fan-out';

export { ProblemResponse };

const Page = Type.Integer({ minimum: 1, maximum: 100_000, default: 1 });
const PageSize = Type.Integer({ minimum: 1, maximum: 100, default: 20 });

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description:
    'https:// tới máy chủ công khai; http:// và mạng nội bộ chỉ khi WEBHOOK_ALLOW_PRIVATE_NETWORK bật — https to a public host; http and private hosts only when allowed',
  examples: ['https://open311.example.gov.vn/hooks/tinhso'],
});
const EventType = Type.String({ maxLength: 200, pattern: EVENT_TYPE_PATTERN });
const EventTypes = Type.Array(EventType, {
  minItems: 1,
  maxItems: 50,
  uniqueItems: true,
  description: 'Loại sự kiện muốn nhận — event types wanted, e.g. feedback.report_status_changed',
});

const DeliveryStatus = StringEnum(['pending', 'delivered', 'failed'] as const, {
  description:
    'pending = đang gửi hoặc chờ thử lại (pending or retrying), delivered = đã gửi (a 2xx answer), failed = đã bỏ (given up)',
});

export const SubscriptionView = Type.Object(
  {
    id: Uuid,
    agency: AgencyRef,
    name: Type.String(),
    url: Type.String(),
    eventTypes: Type.Array(Type.String()),
    active: Type.Boolean(),
    createdBy: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
    createdAt: DateTime,
    updatedAt: DateTime,
    lastSuccessAt: Nullable(DateTime),
    lastFailureAt: Nullable(DateTime),
    lastError: Nullable(Type.String()),
    previousSecretExpiresAt: Nullable(
      Type.String({
        format: 'date-time',
        description: 'Bí mật cũ vẫn ký đến lúc này — the previous secret still signs until then',
      }),
    ),
  },
  { description: 'Đăng ký webhook (không có bí mật) — webhook subscription, without its secret' },
);

export const DeliveryView = Type.Object({
  id: Uuid,
  eventId: Type.String({ description: 'Giá trị Tinhso-Event-Id — sent as Tinhso-Event-Id' }),
  eventType: Type.String(),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  createdAt: DateTime,
});

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const SubscriptionListQuery = Type.Object(
  { active: Type.Optional(Type.Boolean()), page: Page, pageSize: PageSize },
  { additionalProperties: false },
);

export const SubscriptionPage = Type.Object({
  items: Type.Array(SubscriptionView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CreateSubscriptionBody = Type.Object(
  {
    agencyId: Uuid,
    name: Name,
    url: Url,
    eventTypes: EventTypes,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateSubscriptionBody = Type.Object(
  {
    name: Type.Optional(Name),
    url: Type.Optional(Url),
    eventTypes: Type.Optional(EventTypes),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RotateSecretQuery = Type.Object(
  {
    keepPreviousHours: Type.Integer({
      minimum: 0,
      maximum: 168,
      default: 0,
      description:
        'Số giờ bí mật cũ còn ký song song (0: thôi ngay, khi bí mật bị lộ) — hours the previous secret keeps signing beside the new one',
    }),
  },
  { additionalProperties: false },
);

export const SecretReply = Type.Object({
  subscription: SubscriptionView,
  secret: Type.String({
    description: 'Bí mật ký, chỉ hiện một lần — the signing secret, shown only this once',
  }),
});

export const SubscriptionReply = Type.Object({ subscription: SubscriptionView });

export const DeliveryListQuery = Type.Object(
  { status: Type.Optional(DeliveryStatus), page: Page, pageSize: PageSize },
  { additionalProperties: false },
);

export const DeliveryPage = Type.Object({
  items: Type.Array(DeliveryView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const DeliveryReply = Type.Object({ delivery: DeliveryView });

export const EventTypeList = Type.Object({
  eventTypes: Type.Array(Type.String(), {
    description: 'Loại sự kiện có thể đăng ký — event types that can be subscribed to',
  }),
});

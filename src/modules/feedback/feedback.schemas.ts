/** Request and response shapes of the citizen-report API (validation, OpenAPI, filtering). */
import { Type, type Static, type TSchema } from 'typebox';
import { CommuneCode, ProblemResponse, StringEnum } from '../../kernel/geo/geo.schemas';

export { ProblemResponse };

const Instant = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });

export const STATUSES = [
  'new',
  'received',
  'in_progress',
  'resolved',
  'rejected',
  'duplicate',
] as const;
export const ReportStatus = StringEnum(STATUSES, {
  description:
    'new = mới, received = đã tiếp nhận, in_progress = đang xử lý, resolved = đã xử lý, rejected = không xử lý, duplicate = trùng',
});
export const CategoryCode = Type.String({ pattern: '^[a-z0-9_]{2,40}$' });
export const TrackingCodeParams = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'Mã theo dõi, ví dụ PA-261121-7KX9Q',
    }),
  },
  { additionalProperties: false },
);

const AttributeValue = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
});
export const CategoryAttributeView = Type.Object({
  code: Type.String(),
  datatype: StringEnum([
    'string',
    'number',
    'datetime',
    'text',
    'singlevaluelist',
    'multivaluelist',
  ] as const),
  required: Type.Boolean(),
  label: Type.String(),
  labelEn: Type.String(),
  hint: Type.Optional(Type.String()),
  hintEn: Type.Optional(Type.String()),
  values: Type.Optional(Type.Array(AttributeValue)),
});

export const CategoryView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  descriptionEn: Type.String(),
  group: Type.String(),
  groupEn: Type.String(),
  keywords: Type.Array(Type.String()),
  allowAnonymous: Type.Boolean(),
  deadline: Type.Object({
    amount: Type.Integer(),
    unit: StringEnum(['working_hours', 'working_days'] as const),
  }),
  attributes: Type.Array(CategoryAttributeView),
});
export const CategoryList = Type.Object({ items: Type.Array(CategoryView) });

export const NewReportBody = Type.Object(
  {
    categoryCode: CategoryCode,
    lat: Lat,
    lon: Lon,
    address: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.String({ minLength: 10, maxLength: 4000 }),
    attributes: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
        Type.Union([
          Type.String({ maxLength: 2000 }),
          Type.Number(),
          Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
        ]),
      ),
    ),
    anonymous: Type.Optional(Type.Boolean()),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 120 })),
          email: Type.Optional(Type.String({ maxLength: 254 })),
          phone: Type.Optional(Type.String({ maxLength: 32 })),
        },
        { additionalProperties: false },
      ),
    ),
    locale: Type.Optional(StringEnum(['vi', 'en'] as const)),
  },
  { additionalProperties: false },
);
export type NewReportBody = Static<typeof NewReportBody>;

export const SubmittedReportView = Type.Object({
  trackingCode: Type.String(),
  secret: Type.String({
    description:
      'Giữ lại để đánh giá, theo dõi mà không cần tài khoản — keep it to rate the answer',
  }),
  status: ReportStatus,
  agency: Type.Object({ id: Uuid, name: Type.String() }),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
  submittedAt: Instant,
  deadlineAt: Instant,
});

const MediaView = Type.Object({
  id: Uuid,
  mediaType: Type.String(),
  url: Type.String(),
  hidden: Type.Optional(Type.Boolean()),
});
const HistoryView = Type.Object({
  at: Instant,
  action: Type.String(),
  status: Nullable(ReportStatus),
  message: Type.String(),
  agencyName: Nullable(Type.String()),
  media: Type.Array(MediaView),
});

const publicReportFields = {
  trackingCode: Type.String(),
  category: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }),
  status: ReportStatus,
  agency: Type.Object({ id: Uuid, name: Type.String(), nameEn: Nullable(Type.String()) }),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
  lat: Type.Number(),
  lon: Type.Number(),
  address: Type.String(),
  description: Type.String(),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  submittedAt: Instant,
  updatedAt: Instant,
  deadlineAt: Instant,
  answeredAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  overdue: Type.Boolean(),
  duplicateOf: Nullable(Type.String()),
  rating: Nullable(StringEnum(['satisfied', 'not_satisfied'] as const)),
  media: Type.Array(MediaView),
  history: Type.Array(HistoryView),
};

/** The public view, or the reporter's (which adds what only they may see). */
export const ReportView = Type.Object({
  ...publicReportFields,
  hidden: Type.Optional(Type.Boolean()),
  originalDescription: Type.Optional(Type.String()),
  ratingComment: Type.Optional(Nullable(Type.String())),
  canRate: Type.Optional(Type.Boolean()),
});

export const RatingBody = Type.Object(
  {
    rating: StringEnum(['satisfied', 'not_satisfied'] as const),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const RatingReply = Type.Object({ reopened: Type.Boolean(), report: ReportView });

export const FollowBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    locale: Type.Optional(StringEnum(['vi', 'en'] as const)),
  },
  { additionalProperties: false },
);

export const NearbyQuery = Type.Object(
  { categoryCode: CategoryCode, lat: Lat, lon: Lon },
  { additionalProperties: false },
);
export const NearbyList = Type.Object({
  radiusM: Type.Integer(),
  items: Type.Array(
    Type.Object({
      trackingCode: Type.String(),
      status: ReportStatus,
      description: Type.String(),
      lat: Type.Number(),
      lon: Type.Number(),
      submittedAt: Instant,
      distanceM: Type.Integer(),
    }),
  ),
});

const listFilterFields = {
  categoryCode: Type.Optional(CategoryCode),
  status: Type.Optional(Type.Array(ReportStatus, { maxItems: 6 })),
  communeCode: Type.Optional(CommuneCode),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  sort: StringEnum(
    ['submittedAt', '-submittedAt', 'deadlineAt', '-deadlineAt', '-updatedAt'] as const,
    {
      default: '-submittedAt',
    },
  ),
};

export const PublicListQuery = Type.Object(listFilterFields, { additionalProperties: false });
export type PublicListQuery = Static<typeof PublicListQuery>;

export const InboxQuery = Type.Object(
  {
    ...listFilterFields,
    agencyId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean()),
    escalated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

const listItemFields = {
  trackingCode: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  categoryNameEn: Type.String(),
  status: ReportStatus,
  agencyId: Uuid,
  agencyName: Type.String(),
  communeCode: Type.String(),
  communeName: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  address: Type.String(),
  description: Type.String(),
  submittedAt: Instant,
  updatedAt: Instant,
  deadlineAt: Instant,
  answeredAt: Nullable(Instant),
  overdue: Type.Boolean(),
  mediaCount: Type.Integer(),
};

export const PublicReportPage = Type.Object({
  items: Type.Array(Type.Object(listItemFields)),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const InboxItem = Type.Object({
  ...listItemFields,
  escalationLevel: Type.Integer(),
  assigneeId: Nullable(Uuid),
  hidden: Type.Boolean(),
  /** Less than a fifth of the allowed time is left. */
  dueSoon: Type.Boolean(),
});
export const InboxPage = Type.Object({
  items: Type.Array(InboxItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const StaffReportView = Type.Object({
  ...publicReportFields,
  hidden: Type.Boolean(),
  originalDescription: Type.String(),
  publicDescription: Nullable(Type.String()),
  assigneeId: Nullable(Uuid),
  escalationLevel: Type.Integer(),
  escalatedAgency: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  anonymous: Type.Boolean(),
  source: Type.String(),
  reopenCount: Type.Integer(),
  ratingComment: Nullable(Type.String()),
  dueSoon: Type.Boolean(),
  allMedia: Type.Array(MediaView),
  fullHistory: Type.Array(
    Type.Object({
      at: Instant,
      action: Type.String(),
      fromStatus: Nullable(ReportStatus),
      toStatus: Nullable(ReportStatus),
      visibility: StringEnum(['public', 'internal'] as const),
      message: Type.String(),
      actorType: Type.String(),
      actorName: Nullable(Type.String()),
      agencyName: Nullable(Type.String()),
    }),
  ),
  answerTemplates: Type.Array(Type.Object({ title: Type.String(), body: Type.String() })),
});

export const ReporterContact = Type.Object({
  anonymous: Type.Boolean(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  hasAccount: Type.Boolean(),
});

const Message = Type.String({ minLength: 1, maxLength: 4000 });
/** Photos of the fix, uploaded first with POST /api/files?kind=image. */
const FileIds = Type.Array(Uuid, { maxItems: 5, uniqueItems: true });
export const ActionBody = Type.Union([
  Type.Object({ action: Type.Literal('receive') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('start') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('assign'), assigneeId: Nullable(Uuid) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('answer'), message: Message, fileIds: Type.Optional(FileIds) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('note'), message: Message }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('resolve'), message: Message, fileIds: Type.Optional(FileIds) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('reject'), reason: Message }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('transfer'), agencyId: Uuid, reason: Message },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('duplicate'), originalTrackingCode: Type.String({ maxLength: 32 }) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('hide'), reason: Message }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('unhide') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('redact'), publicDescription: Type.String({ maxLength: 4000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('hideMedia'), mediaId: Uuid, hidden: Type.Boolean() },
    { additionalProperties: false },
  ),
]);
export type ActionBody = Static<typeof ActionBody>;

export const MediaParams = Type.Object({ id: Uuid }, { additionalProperties: false });

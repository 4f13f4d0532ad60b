/** Request and response shapes of the registers and the document workflow. */
import { Type, type Static, type TSchema } from 'typebox';
import { ProblemResponse, StringEnum } from '../../kernel/geo/geo.schemas';

export { ProblemResponse };

const Instant = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const LocalDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const AgencyCode = Type.String({
  pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
  description: 'Mã định danh cơ quan, e.g. 000.00.00.H49',
});

export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'express'] as const;
export const SECRECIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export const OUTGOING_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'signed',
  'issued',
  'recalled',
  'replaced',
] as const;
export const INCOMING_STATUSES = [
  'received',
  'registered',
  'assigned',
  'processing',
  'done',
  'recalled',
  'replaced',
] as const;

const Urgency = StringEnum(URGENCIES, {
  description: 'normal = thường, urgent = khẩn, very_urgent = thượng khẩn, express = hỏa tốc',
});
const Secrecy = StringEnum(SECRECIES, {
  description: 'normal = thường, confidential = mật, secret = tối mật, top_secret = tuyệt mật',
});
const OutgoingStatus = StringEnum(OUTGOING_STATUSES);
const IncomingStatus = StringEnum(INCOMING_STATUSES);

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const DraftBody = Type.Object(
  {
    typeAbbreviation: Nullable(
      Type.String({ minLength: 1, maxLength: 8, description: 'QĐ, TB, KH…; null: công văn' }),
    ),
    draftingUnit: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[^/\\s]*$' }))),
    subject: ShortText(500),
    greeting: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    body: ShortText(100_000),
    toPlaces: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100 })),
    urgency: Type.Optional(Urgency),
    secrecy: Type.Optional(Secrecy),
    replyDueOn: Type.Optional(Nullable(LocalDate)),
    signerUserId: Uuid,
    signerCompetence: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    signerPosition: ShortText(200),
    recipients: Type.Array(
      Type.Object(
        { organId: AgencyCode, organName: Type.Optional(Type.String({ maxLength: 300 })) },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    responseForId: Type.Optional(Nullable(Uuid)),
    replacesId: Type.Optional(Nullable(Uuid)),
    attachmentFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const OutgoingActionBody = Type.Union([
  Type.Object({ action: Type.Literal('submit') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('approve'), note: Type.Optional(Type.String({ maxLength: 2000 })) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('return'), note: ShortText(2000) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('sign'),
      code: Type.String({ pattern: '^[0-9 ]{6,8}$', description: 'Mã xác thực 6 số' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('issue'), registerId: Type.Optional(Uuid) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('recall'), reason: ShortText(2000) },
    { additionalProperties: false },
  ),
]);
export type OutgoingActionBody = Static<typeof OutgoingActionBody>;

export const IncomingActionBody = Type.Union([
  Type.Object(
    { action: Type.Literal('register'), registerId: Type.Optional(Uuid) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('assign'),
      handlingUnit: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
      leadUserId: Uuid,
      supportUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
      informedUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
      deadline: Type.Optional(Nullable(LocalDate)),
      note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('start') }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('complete'),
      note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
      replyOutgoingId: Type.Optional(Nullable(Uuid)),
    },
    { additionalProperties: false },
  ),
]);
export type IncomingActionBody = Static<typeof IncomingActionBody>;

export const PaperIncomingBody = Type.Object(
  {
    senderName: ShortText(300),
    senderOrganId: Type.Optional(Nullable(AgencyCode)),
    notation: Type.String({
      minLength: 3,
      maxLength: 60,
      pattern: '^[0-9]+/\\S+$',
      description: 'Số và ký hiệu, e.g. 15/QĐ-UBND',
    }),
    typeName: ShortText(100),
    subject: ShortText(500),
    promulgatedOn: LocalDate,
    signerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    urgency: Type.Optional(Urgency),
    secrecy: Type.Optional(Secrecy),
    replyDueOn: Type.Optional(Nullable(LocalDate)),
    receivedAt: Type.Optional(Instant),
    scanFileIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    registerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type PaperIncomingBody = Static<typeof PaperIncomingBody>;

const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

const ListFilters = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  registerId: Type.Optional(Uuid),
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
};

export const OutgoingListQuery = Type.Object(
  {
    box: Type.Optional(
      StringEnum(['all', 'mine', 'to_sign', 'to_issue', 'register'] as const, {
        default: 'all',
        description:
          'mine = tôi soạn, to_sign = chờ tôi duyệt/ký, to_issue = chờ phát hành, register = sổ văn bản đi',
      }),
    ),
    status: Type.Optional(OutgoingStatus),
    type: Type.Optional(Type.String({ maxLength: 8, description: 'QĐ, TB…; CV: công văn' })),
    ...ListFilters,
    ...Paging,
  },
  { additionalProperties: false },
);
export type OutgoingListQuery = Static<typeof OutgoingListQuery>;

export const IncomingListQuery = Type.Object(
  {
    box: Type.Optional(
      StringEnum(['all', 'to_register', 'to_assign', 'mine', 'register', 'overdue'] as const, {
        default: 'all',
        description:
          'to_register = chờ vào sổ, to_assign = chờ phân công, mine = tôi xử lý, register = sổ văn bản đến, overdue = quá hạn',
      }),
    ),
    status: Type.Optional(IncomingStatus),
    ...ListFilters,
    ...Paging,
  },
  { additionalProperties: false },
);
export type IncomingListQuery = Static<typeof IncomingListQuery>;

const PageMeta = {
  total: Type.Integer(),
  totalIsCapped: Type.Boolean({ description: 'true: there are more than `total` matches' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
};

export const OutgoingItem = Type.Object({
  id: Uuid,
  status: OutgoingStatus,
  notation: Nullable(Type.String()),
  typeName: Type.String(),
  subject: Type.String(),
  urgency: Urgency,
  signerName: Nullable(Type.String()),
  promulgatedOn: Nullable(LocalDate),
  updatedAt: Instant,
  recipients: Type.Integer(),
});
export const OutgoingPage = Type.Object({ items: Type.Array(OutgoingItem), ...PageMeta });

export const IncomingItem = Type.Object({
  id: Uuid,
  status: IncomingStatus,
  number: Nullable(Type.Integer()),
  notation: Type.String(),
  senderName: Type.String(),
  typeName: Type.String(),
  subject: Type.String(),
  urgency: Urgency,
  promulgatedOn: LocalDate,
  receivedAt: Instant,
  handlingDeadline: Nullable(LocalDate),
  overdue: Type.Boolean(),
  source: StringEnum(['exchange', 'paper'] as const),
});
export const IncomingPage = Type.Object({ items: Type.Array(IncomingItem), ...PageMeta });

const FileView = Type.Object({
  id: Uuid,
  role: StringEnum(['draft', 'signed', 'attachment', 'received'] as const),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  createdAt: Instant,
});

const HistoryView = Type.Object({
  action: Type.String(),
  actorName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  at: Instant,
});

export const OutgoingView = Type.Object({
  id: Uuid,
  status: OutgoingStatus,
  typeAbbreviation: Nullable(Type.String()),
  typeName: Type.String(),
  draftingUnit: Nullable(Type.String()),
  subject: Type.String(),
  greeting: Nullable(Type.String()),
  body: Type.String(),
  toPlaces: Type.Array(Type.String()),
  urgency: Urgency,
  secrecy: Secrecy,
  replyDueOn: Nullable(LocalDate),
  placeName: Type.String(),
  signerUserId: Nullable(Uuid),
  signerCompetence: Nullable(Type.String()),
  signerPosition: Nullable(Type.String()),
  signerName: Nullable(Type.String()),
  draftedBy: Uuid,
  notation: Nullable(Type.String()),
  number: Nullable(Type.Integer()),
  promulgatedOn: Nullable(LocalDate),
  signedAt: Nullable(Instant),
  issuedAt: Nullable(Instant),
  exchangeId: Nullable(Type.String()),
  responseForId: Nullable(Uuid),
  replacesId: Nullable(Uuid),
  createdAt: Instant,
  updatedAt: Instant,
  recipients: Type.Array(
    Type.Object({
      organId: Type.String(),
      organName: Type.String(),
      statusCode: Nullable(Type.String()),
      statusAt: Nullable(Instant),
      statusNote: Nullable(Type.String()),
    }),
  ),
  statusEvents: Type.Array(
    Type.Object({
      organId: Type.String(),
      statusCode: Type.String(),
      description: Nullable(Type.String()),
      occurredAt: Instant,
      receivedAt: Instant,
    }),
  ),
  files: Type.Array(FileView),
  history: Type.Array(HistoryView),
  actions: Type.Array(
    StringEnum(['edit', 'submit', 'approve', 'return', 'sign', 'issue', 'recall'] as const),
  ),
});
export type OutgoingView = Static<typeof OutgoingView>;

export const IncomingView = Type.Object({
  id: Uuid,
  status: IncomingStatus,
  source: StringEnum(['exchange', 'paper'] as const),
  receivedAt: Instant,
  senderOrganId: Nullable(Type.String()),
  senderName: Type.String(),
  notation: Type.String(),
  typeName: Type.String(),
  subject: Type.String(),
  promulgatedOn: LocalDate,
  signerName: Nullable(Type.String()),
  urgency: Urgency,
  secrecy: Secrecy,
  replyDueOn: Nullable(LocalDate),
  exchangeId: Nullable(Type.String()),
  number: Nullable(Type.Integer()),
  registeredAt: Nullable(Instant),
  handlingUnit: Nullable(Type.String()),
  handlingDeadline: Nullable(LocalDate),
  overdue: Type.Boolean(),
  assignedAt: Nullable(Instant),
  completedAt: Nullable(Instant),
  completionNote: Nullable(Type.String()),
  replyOutgoingId: Nullable(Uuid),
  assignments: Type.Array(
    Type.Object({
      userId: Uuid,
      fullName: Type.String(),
      role: StringEnum(['lead', 'support', 'informed'] as const),
    }),
  ),
  files: Type.Array(FileView),
  history: Type.Array(HistoryView),
  actions: Type.Array(StringEnum(['register', 'assign', 'start', 'complete', 'reply'] as const)),
});
export type IncomingView = Static<typeof IncomingView>;

const Person = Type.Object({ id: Uuid, fullName: Type.String() });

export const DocumentsDesk = Type.Object({
  agency: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  issuer: Nullable(Type.Object({ abbreviation: Type.String(), placeName: Type.String() })),
  permissions: Type.Object({
    draft: Type.Boolean(),
    lead: Type.Boolean(),
    clerk: Type.Boolean(),
  }),
  types: Type.Array(
    Type.Object({
      abbreviation: Nullable(Type.String()),
      name: Type.String(),
      nameEn: Type.String(),
    }),
  ),
  registers: Type.Array(
    Type.Object({
      id: Uuid,
      direction: StringEnum(['outgoing', 'incoming'] as const),
      code: Type.String(),
      name: Type.String(),
    }),
  ),
  signers: Type.Array(Person),
  staff: Type.Array(Person),
  counts: Type.Object({
    toSign: Type.Integer(),
    toIssue: Type.Integer(),
    toRegister: Type.Integer(),
    toAssign: Type.Integer(),
    mine: Type.Integer(),
    overdue: Type.Integer(),
  }),
});
export type DocumentsDesk = Static<typeof DocumentsDesk>;

export const OrganQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const OrganList = Type.Array(Type.Object({ code: Type.String(), name: Type.String() }));

export const DocumentsOpsKpis = Type.Object({
  issuedToday: Type.Integer(),
  receivedToday: Type.Integer(),
  openIncoming: Type.Integer(),
  overdueIncoming: Type.Integer(),
  overdueByAgency: Type.Array(
    Type.Object({
      agencyId: Uuid,
      code: Type.String(),
      name: Type.String(),
      overdue: Type.Integer(),
    }),
  ),
  exchange: Type.Object({
    queued: Type.Integer({ description: 'Packets waiting for delivery (including retries)' }),
    failed: Type.Integer({ description: 'Packets given up on after every retry' }),
    unacknowledged: Type.Integer({
      description: 'Documents delivered more than 10 minutes ago without status 01 back',
    }),
    deliveredToday: Type.Integer(),
    rejectedToday: Type.Integer({ description: 'Packets received today and refused (status 02)' }),
    oldestQueuedAt: Nullable(Instant),
    recentFailures: Type.Array(
      Type.Object({
        toOrgan: Nullable(Type.String()),
        kind: StringEnum(['document', 'status'] as const),
        errorCode: Nullable(Type.String()),
        attempts: Type.Integer(),
        lastAttemptAt: Nullable(Instant),
      }),
    ),
  }),
});
export type DocumentsOpsKpis = Static<typeof DocumentsOpsKpis>;

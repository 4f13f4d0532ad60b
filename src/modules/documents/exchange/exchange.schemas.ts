/** Request and response shapes of the exchange API (validation, OpenAPI, response filtering). */
import { Type, type Static } from 'typebox';
import { ProblemResponse, StringEnum } from '../../../kernel/geo/geo.schemas';

export { ProblemResponse };

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

export const EdxmlBody = Type.String({
  description:
    'Gói tin edXML (QCVN 102:2016) đã ký số XMLDSig, UTF-8 — the signed edXML packet: a document package or a status packet',
});

export const Receipt = Type.Object(
  {
    packageId: Uuid,
    statusCode: StringEnum(['01', '02'] as const, {
      description:
        '01 = đã nhận (tiếp nhận, hoặc đã xử lý gói tin trạng thái); 02 = từ chối, không đăng ký gì',
    }),
    code: Type.Optional(
      Type.String({ description: 'Mã lỗi của lý do từ chối (docs/errors.md), khi 02' }),
    ),
    reason: Type.Optional(Type.String({ description: 'Lý do từ chối, khi 02' })),
    duplicate: Type.Boolean({
      description: 'Gói tin này đã được nhận trước đó; đây là câu trả lời khi ấy',
    }),
  },
  { description: 'Kết quả tiếp nhận gói tin — what became of the packet' },
);

export const PackageListQuery = Type.Object(
  {
    direction: Type.Optional(
      StringEnum(['in', 'out'] as const, {
        default: 'in',
        description: 'in = gói tin đã nhận; out = gói tin đã gửi',
      }),
    ),
    state: Type.Optional(
      StringEnum(['queued', 'delivered', 'failed', 'accepted', 'rejected'] as const),
    ),
    attention: Type.Optional(
      Type.Boolean({
        description:
          'Gói tin gửi chưa chuyển được, đã bỏ, hoặc chưa có trạng thái phản hồi — out packets needing attention',
      }),
    ),
    since: Type.Optional(
      Type.String({ format: 'date-time', description: 'Từ thời điểm (bao gồm)' }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type PackageListQuery = Static<typeof PackageListQuery>;

export const PackageSummary = Type.Object({
  id: Uuid,
  direction: StringEnum(['in', 'out'] as const),
  kind: StringEnum(['document', 'status'] as const),
  business: Nullable(Type.String({ description: 'new | revoke | update | replace' })),
  statusCode: Nullable(Type.String()),
  exchangeId: Nullable(Type.String({ description: 'DocumentId trên trục liên thông' })),
  fromOrgan: Nullable(Type.String()),
  toOrgan: Nullable(Type.String()),
  state: Type.String({
    description: 'queued | delivered | failed (out); accepted | rejected (in)',
  }),
  attempts: Type.Integer(),
  errorCode: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  receiptCode: Nullable(Type.String()),
  acknowledgedAt: Nullable(Instant),
  sha256: Type.String(),
  size: Type.Integer(),
  agencyId: Nullable(Uuid),
  incomingId: Nullable(Uuid),
  outgoingId: Nullable(Uuid),
  createdAt: Instant,
  deliveredAt: Nullable(Instant),
});

export const PackageList = Type.Object({
  items: Type.Array(PackageSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PackageXml = Type.String({ description: 'Gói tin edXML như đã ký — the signed XML' });

export const Peer = Type.Object({
  id: Uuid,
  name: Type.String(),
  baseUrl: Type.String(),
  organPatterns: Type.Array(Type.String()),
  apiKeyPrefix: Type.String(),
  createdAt: Instant,
  disabledAt: Nullable(Instant),
});

export const PeerList = Type.Object({ items: Type.Array(Peer) });

export const NewPeerBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    baseUrl: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Địa chỉ gốc của hệ thống kia, ví dụ https://tinhso.binhdinh.gov.vn',
    }),
    organPatterns: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: 200,
      description:
        'Mẫu mã định danh cơ quan mà hệ thống kia phục vụ (LIKE: % và _), ví dụ %.H26, 000.00.00.G%',
    }),
    apiKey: Type.String({
      minLength: 16,
      maxLength: 512,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Khóa API mà hệ thống kia cấp cho hệ thống này (lưu mã hóa)',
    }),
  },
  { additionalProperties: false },
);
export type NewPeerBody = Static<typeof NewPeerBody>;

/** Request and response shapes of the audit API. */
import { Type } from 'typebox';

const Timestamp = Type.String({ format: 'date-time' });
const Text = Type.String({ minLength: 1, maxLength: 200 });

export const AuditEventQuery = Type.Object(
  {
    actorId: Type.Optional(Text),
    action: Type.Optional(Text),
    recordType: Type.Optional(Text),
    recordId: Type.Optional(Text),
    /** Inclusive start of the period. */
    from: Type.Optional(Timestamp),
    /** Exclusive end of the period. */
    to: Type.Optional(Timestamp),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AuditEventView = Type.Object({
  id: Type.Integer(),
  occurredAt: Timestamp,
  actorType: Type.Union([
    Type.Literal('user'),
    Type.Literal('api_key'),
    Type.Literal('system'),
    Type.Literal('anonymous'),
  ]),
  actorId: Nullable(Type.String()),
  action: Type.String(),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  /** Position in the hash chain; null until sealed (within about a second). */
  sealSeq: Nullable(Type.Integer()),
});

export const AuditEventPage = Type.Object({
  items: Type.Array(AuditEventView),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const AuditVerificationView = Type.Object({
  ok: Type.Boolean(),
  checkedRows: Type.Integer(),
  checkpointsVerified: Type.Integer(),
  problem: Type.Optional(
    Type.Union([
      Type.Literal('altered'),
      Type.Literal('removed'),
      Type.Literal('reordered'),
      Type.Literal('seq_gap'),
      Type.Literal('bad_signature'),
      Type.Literal('checkpoint_mismatch'),
      Type.Literal('unsealed_too_long'),
    ]),
  ),
  firstBadSeq: Type.Optional(Type.Integer()),
  firstBadEventId: Type.Optional(Type.Integer()),
});

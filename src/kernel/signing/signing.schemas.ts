/** Request and response shapes of the signature routes (validation, OpenAPI, filtering). */
import { Type, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const VerifyForm = {
  content: {
    'multipart/form-data': {
      schema: Type.Unsafe<null>({
        type: 'object',
        nullable: true,
        properties: {
          file: { type: 'string', format: 'binary', description: 'The signed file' },
          signature: {
            type: 'string',
            format: 'binary',
            description: 'A detached CMS signature (.p7s), for files other than PDF',
          },
        },
        required: ['file'],
      }),
    },
  },
};

const Certificate = Type.Object({
  commonName: Type.String(),
  organization: Nullable(Type.String()),
  serialNumber: Type.String(),
  issuer: Type.String(),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  fingerprint: Type.String({ description: 'SHA-256 of the certificate, hex' }),
});

const Signature = Type.Object({
  signer: Nullable(Certificate),
  chain: Type.Array(Certificate, { description: 'Signer first, trusted root last' }),
  claimedSigningTime: Nullable(Type.String({ format: 'date-time' })),
  intact: Type.Boolean({ description: 'The signed content is unchanged' }),
  trusted: Type.Boolean({ description: 'The certificate chains to a trusted root' }),
  valid: Type.Boolean(),
  problems: Type.Array(Type.String(), {
    description:
      'DIGEST_MISMATCH, BAD_SIGNATURE, NO_PATH_TO_TRUSTED_ROOT, EXPIRED_AT_SIGNING, ' +
      'NOT_YET_VALID_AT_SIGNING, REVOKED, CHANGED_AFTER_SIGNING, BAD_BYTE_RANGE, …',
  }),
  revocation: Type.Union([
    Type.Literal('not_checked'),
    Type.Literal('good'),
    Type.Literal('revoked'),
  ]),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  fieldName: Nullable(Type.String()),
  pageIndex: Nullable(Type.Integer({ minimum: 0 })),
  reason: Nullable(Type.String()),
  location: Nullable(Type.String()),
  coverage: Nullable(
    Type.Union([
      Type.Literal('whole_file'),
      Type.Literal('earlier_revision_then_signatures'),
      Type.Literal('earlier_revision_then_changes'),
    ]),
  ),
});

export const VerificationReportSchema = Type.Object({
  kind: Type.Union([Type.Literal('pdf'), Type.Literal('cms')]),
  fileName: Type.String(),
  fileSha256: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  outcome: Type.Union([Type.Literal('valid'), Type.Literal('invalid'), Type.Literal('unsigned')]),
  checkedAt: Type.String({ format: 'date-time' }),
  signatures: Type.Array(Signature),
});

export const TrustedRoot = Type.Object({
  id: Nullable(Type.String({ format: 'uuid' })),
  subject: Type.String(),
  fingerprint: Type.String({ description: 'SHA-256 of the certificate, hex' }),
  notAfter: Type.String({ format: 'date-time' }),
  source: Type.Union([Type.Literal('database'), Type.Literal('config')], {
    description: '`config` roots come from SIGNING_TRUSTED_ROOTS and cannot be removed here',
  }),
  addedBy: Nullable(Type.String()),
  createdAt: Nullable(Type.String({ format: 'date-time' })),
});

export const TrustedRootList = Type.Object({ items: Type.Array(TrustedRoot) });

export const NewTrustedRoot = Type.Object(
  {
    pem: Type.String({
      minLength: 100,
      maxLength: 20_000,
      description: 'The root certificate in PEM (-----BEGIN CERTIFICATE-----)',
    }),
  },
  { additionalProperties: false },
);

export const RootParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const NewCrl = Type.Object(
  {
    crl: Type.String({
      minLength: 20,
      maxLength: 10_000_000,
      description: 'The CRL in PEM, or its DER in base64',
    }),
  },
  { additionalProperties: false },
);

export const CrlView = Type.Object({
  issuer: Type.String(),
  issuerFingerprint: Type.String(),
  thisUpdate: Type.String({ format: 'date-time' }),
  nextUpdate: Nullable(Type.String({ format: 'date-time' })),
  revokedCount: Type.Integer({ minimum: 0 }),
});

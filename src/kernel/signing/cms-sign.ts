/**
 * Detached CMS SignedData (RFC 5652) with the attributes of CAdES-BES / PAdES baseline B:
 * content-type, message-digest, ESS signing-certificate-v2 and, outside PDF, signing-time.
 *
 * PAdES puts the claimed signing time in the PDF signature dictionary (/M) and forbids the
 * signing-time attribute (ETSI EN 319 142-1 §5.2), so the PDF path leaves it out.
 * Everything that depends only on the identity (certificates, signer identifier, the ESS
 * attribute) is encoded once per identity and reused.
 */
import { createHash } from 'node:crypto';
import {
  encode,
  explicit,
  implicitConstructed,
  integer,
  nullValue,
  octetString,
  oid,
  sequence,
  setOf,
  TAG,
  time,
} from './der';
import { certificateFields } from './certificate-fields';
import { OID } from './oids';
import type { SigningIdentity } from './signing-identity';

export interface DetachedCmsOptions {
  /** SHA-256 of the signed content. */
  contentDigest: Buffer;
  identity: SigningIdentity;
  /** Adds the signing-time attribute (CAdES); leave undefined for PAdES. */
  signingTime?: Date;
}

interface IdentityParts {
  certificates: Buffer;
  signerIdentifier: Buffer;
  signingCertificateV2: Buffer;
  signatureAlgorithm: Buffer;
}

const partsCache = new WeakMap<SigningIdentity, IdentityParts>();
const sha256Algorithm = sequence(oid(OID.sha256));

function identityParts(identity: SigningIdentity): IdentityParts {
  const cached = partsCache.get(identity);
  if (cached) return cached;
  const fields = certificateFields(identity.certificate);
  const certHash = createHash('sha256').update(identity.certificate).digest();
  // ESSCertIDv2 with the default hash (SHA-256, so omitted) and the issuer/serial pair.
  const issuerSerial = sequence(sequence(explicit(4, fields.issuer)), fields.serialNumber);
  const essCertId = sequence(octetString(certHash), issuerSerial);
  const parts: IdentityParts = {
    certificates: implicitConstructed(0, identity.certificate, ...identity.chain),
    signerIdentifier: sequence(fields.issuer, fields.serialNumber),
    signingCertificateV2: sequence(
      oid(OID.signingCertificateV2),
      setOf(sequence(sequence(essCertId))),
    ),
    signatureAlgorithm:
      identity.signatureAlgorithm === OID.sha256WithRSAEncryption
        ? sequence(oid(identity.signatureAlgorithm), nullValue())
        : sequence(oid(identity.signatureAlgorithm)),
  };
  partsCache.set(identity, parts);
  return parts;
}

const contentTypeAttribute = sequence(oid(OID.contentType), setOf(oid(OID.data)));

/** The signed attributes as the SET that is signed (RFC 5652 §5.4: tag 0x31, not [0]). */
function signedAttributes(options: DetachedCmsOptions, parts: IdentityParts): Buffer {
  const attributes = [
    contentTypeAttribute,
    sequence(oid(OID.messageDigest), setOf(octetString(options.contentDigest))),
    parts.signingCertificateV2,
  ];
  if (options.signingTime) {
    attributes.push(sequence(oid(OID.signingTime), setOf(time(options.signingTime))));
  }
  return setOf(...attributes);
}

/** A DER ContentInfo holding a detached SignedData with one signer. */
export async function signDetachedCms(options: DetachedCmsOptions): Promise<Buffer> {
  const parts = identityParts(options.identity);
  const attributes = signedAttributes(options, parts);
  const signature = await options.identity.sign(attributes);
  // In the SignerInfo the same attributes are tagged [0] IMPLICIT: swap the first octet.
  const taggedAttributes = Buffer.from(attributes);
  taggedAttributes[0] = 0xa0;
  const signerInfo = sequence(
    integer(1),
    parts.signerIdentifier,
    sha256Algorithm,
    taggedAttributes,
    parts.signatureAlgorithm,
    octetString(signature),
  );
  const signedData = sequence(
    integer(1),
    setOf(sha256Algorithm),
    sequence(oid(OID.data)),
    parts.certificates,
    encode(TAG.set, signerInfo),
  );
  return sequence(oid(OID.signedData), explicit(0, signedData));
}

/**
 * The few fields of an X.509 certificate that a CMS signature refers to, read straight from
 * its DER: the issuer and serial number (the SignerInfo's identifier) and the subject.
 * node:crypto's X509Certificate does the rest (keys, validity, chain checks) natively.
 */
import { children, encodingOf, expectTag, readElement, TAG } from './der';

export interface CertificateFields {
  /** DER of the issuer Name, byte for byte as in the certificate. */
  issuer: Buffer;
  /** DER of the serialNumber INTEGER (tag and length included). */
  serialNumber: Buffer;
  subject: Buffer;
}

const cache = new WeakMap<Buffer, CertificateFields>();

export function certificateFields(der: Buffer): CertificateFields {
  const cached = cache.get(der);
  if (cached) return cached;
  const certificate = expectTag(readElement(der), TAG.sequence, 'a certificate');
  const tbs = expectTag(children(certificate)[0], TAG.sequence, 'tbsCertificate');
  const parts = children(tbs);
  // version is [0] EXPLICIT and absent for v1 certificates.
  const at = parts[0]?.tag === 0xa0 ? 1 : 0;
  const fields: CertificateFields = {
    serialNumber: encodingOf(expectTag(parts[at], TAG.integer, 'serialNumber')),
    issuer: encodingOf(expectTag(parts[at + 2], TAG.sequence, 'issuer')),
    subject: encodingOf(expectTag(parts[at + 4], TAG.sequence, 'subject')),
  };
  cache.set(der, fields);
  return fields;
}

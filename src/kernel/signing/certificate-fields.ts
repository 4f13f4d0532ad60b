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

/**
 * A verifier meets the same certificates in every signature, each time as a new view into a
 * new message: they are also remembered by their last bytes (the signature bits) and
 * confirmed by comparing every byte, as in certificate-cache. Read from a copy of the DER, so
 * that no message stays in memory because one of its certificates was seen.
 */
const byTail = new Map<string, { der: Buffer; fields: CertificateFields }>();
const TAIL_BYTES = 48;
const MAX_ENTRIES = 5000;

export function certificateFields(der: Buffer): CertificateFields {
  const cached = cache.get(der);
  if (cached) return cached;
  const tail = der.toString('base64', Math.max(0, der.length - TAIL_BYTES));
  const seen = byTail.get(tail);
  if (seen && seen.der.equals(der)) return seen.fields;
  const copy = Buffer.from(der);
  const fields = readFields(copy);
  if (byTail.size >= MAX_ENTRIES) byTail.clear();
  byTail.set(tail, { der: copy, fields });
  cache.set(der, fields);
  return fields;
}

function readFields(der: Buffer): CertificateFields {
  const certificate = expectTag(readElement(der), TAG.sequence, 'a certificate');
  const tbs = expectTag(children(certificate)[0], TAG.sequence, 'tbsCertificate');
  const parts = children(tbs);
  // version is [0] EXPLICIT and absent for v1 certificates.
  const at = parts[0]?.tag === 0xa0 ? 1 : 0;
  return {
    serialNumber: encodingOf(expectTag(parts[at], TAG.integer, 'serialNumber')),
    issuer: encodingOf(expectTag(parts[at + 2], TAG.sequence, 'issuer')),
    subject: encodingOf(expectTag(parts[at + 4], TAG.sequence, 'subject')),
  };
}

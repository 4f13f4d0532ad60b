/**
 * Issuing X.509 certificates and CRLs: the province's test root CA and the certificates of the
 * demo signers and agency seals, so that a bare `npm start` can sign and verify end to end.
 * Production certificates come from a licensed CA (in Vietnam the Government Cipher
 * Committee's root for state agencies); production only configures trusted roots.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { x509 } from './x509-library';
import { RSA_SIGNING, toCryptoKey, toKeyObject, useNodeWebCrypto } from './webcrypto';

export interface KeyAndCertificate {
  certificate: Buffer;
  privateKey: KeyObject;
}

/** The name fields a certificate subject carries here (all optional but the common name). */
export interface SubjectName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  province?: string;
  country?: string;
}

/** RFC 4514: characters that must be escaped in a distinguished-name string. */
function escapeDn(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

export function distinguishedName(name: SubjectName): string {
  const parts: string[] = [`CN=${escapeDn(name.commonName)}`];
  if (name.organizationalUnit) parts.push(`OU=${escapeDn(name.organizationalUnit)}`);
  if (name.organization) parts.push(`O=${escapeDn(name.organization)}`);
  if (name.locality) parts.push(`L=${escapeDn(name.locality)}`);
  if (name.province) parts.push(`ST=${escapeDn(name.province)}`);
  parts.push(`C=${escapeDn(name.country ?? 'VN')}`);
  return parts.join(', ');
}

/** 16 random bytes with the top bit clear: positive, unique, and unguessable (CA/B BR 7.1). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0]! &= 0x7f;
  return bytes.toString('hex');
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

async function newKeyPair(): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(RSA_SIGNING, true, ['sign', 'verify']);
}

export interface RootCaOptions {
  subject: SubjectName;
  notBefore: Date;
  validYears: number;
}

export async function createRootCa(options: RootCaOptions): Promise<KeyAndCertificate> {
  useNodeWebCrypto();
  const keys = await newKeyPair();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: distinguishedName(options.subject),
    notBefore: options.notBefore,
    notAfter: addYears(options.notBefore, options.validYears),
    signingAlgorithm: RSA_SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    certificate: Buffer.from(certificate.rawData),
    privateKey: toKeyObject(keys.privateKey),
  };
}

/** RFC 9336 id-kp-documentSigning. */
const DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';

export interface IssueOptions {
  issuer: KeyAndCertificate;
  /** A person's name, or for an agency seal the agency's name (an organisation certificate). */
  subject: SubjectName;
  notBefore: Date;
  validYears: number;
}

export async function issueCertificate(options: IssueOptions): Promise<KeyAndCertificate> {
  useNodeWebCrypto();
  const keys = await newKeyPair();
  const issuer = new x509.X509Certificate(new Uint8Array(options.issuer.certificate));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: distinguishedName(options.subject),
    issuer: issuer.subjectName,
    notBefore: options.notBefore,
    notAfter: addYears(options.notBefore, options.validYears),
    signingAlgorithm: RSA_SIGNING,
    publicKey: keys.publicKey,
    signingKey: await toCryptoKey(options.issuer.privateKey),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      // Email protection is the usage NSS (and so poppler's pdfsig) checks for signers.
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection, DOCUMENT_SIGNING]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer),
    ],
  });
  return {
    certificate: Buffer.from(certificate.rawData),
    privateKey: toKeyObject(keys.privateKey),
  };
}

export interface RevokedEntry {
  /** Hex serial number, as node:crypto's X509Certificate prints it. */
  serialNumber: string;
  revokedAt: Date;
}

export interface CrlOptions {
  issuer: KeyAndCertificate;
  revoked: readonly RevokedEntry[];
  thisUpdate: Date;
  nextUpdate: Date;
}

/** A certificate revocation list signed by the issuing CA, DER. */
export async function issueCrl(options: CrlOptions): Promise<Buffer> {
  useNodeWebCrypto();
  const issuer = new x509.X509Certificate(new Uint8Array(options.issuer.certificate));
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.subjectName,
    thisUpdate: options.thisUpdate,
    nextUpdate: options.nextUpdate,
    signingAlgorithm: RSA_SIGNING,
    signingKey: await toCryptoKey(options.issuer.privateKey),
    entries: options.revoked.map((entry) => ({
      serialNumber: entry.serialNumber.toLowerCase(),
      revocationDate: entry.revokedAt,
      reason: x509.X509CrlReason.unspecified,
    })),
  });
  return Buffer.from(crl.rawData);
}

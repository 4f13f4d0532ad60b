/**
 * Parsed certificates, remembered by their DER. Verifying a document meets the same few
 * certificates (a province's signers, its CA) again and again; parsing one costs more than
 * checking an RSA signature, so each is parsed once per process.
 */
import { createHash, X509Certificate } from 'node:crypto';

export interface KnownCertificate {
  readonly der: Buffer;
  readonly x509: X509Certificate;
  /** SHA-256 of the DER, hex: the certificate's identity here. */
  readonly fingerprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Upper-case hex, as node prints it. */
  readonly serialNumber: string;
}

const MAX_ENTRIES = 5000;
const byFingerprint = new Map<string, KnownCertificate>();

export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

/**
 * Looked up by the certificate's own signature bits (its last bytes) and confirmed by
 * comparing every byte: cheaper than hashing the whole certificate on each verification.
 */
const bySignatureTail = new Map<string, KnownCertificate>();
const TAIL_BYTES = 48;

export function knownCertificate(der: Buffer): KnownCertificate {
  const tail = der.toString('base64', Math.max(0, der.length - TAIL_BYTES));
  const seen = bySignatureTail.get(tail);
  if (seen && seen.der.equals(der)) return seen;
  const fingerprint = fingerprintOf(der);
  const cached = byFingerprint.get(fingerprint);
  if (cached) {
    bySignatureTail.set(tail, cached);
    return cached;
  }
  const x509 = new X509Certificate(der);
  const entry: KnownCertificate = {
    der: Buffer.from(der),
    x509,
    fingerprint,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    serialNumber: x509.serialNumber.toUpperCase(),
  };
  // A crude bound: a process that sees more distinct certificates than this starts over.
  if (byFingerprint.size >= MAX_ENTRIES) {
    byFingerprint.clear();
    bySignatureTail.clear();
  }
  byFingerprint.set(fingerprint, entry);
  bySignatureTail.set(tail, entry);
  return entry;
}

/**
 * Whether `issuer` issued `child`: node's checkIssued (names, key identifiers, key usage)
 * and the issuer's key verifying the child's signature. Both certificates are fixed bytes, so
 * the answer is remembered for as long as the process knows them, and shared by every trust
 * store (the platform's is rebuilt every minute). Validity at the signing time and revocation
 * depend on the time and the CRLs; the chain check judges those on every verification.
 */
const issuers = new WeakMap<KnownCertificate, WeakMap<KnownCertificate, boolean>>();

export function issuedBy(child: KnownCertificate, issuer: KnownCertificate): boolean {
  let known = issuers.get(child);
  if (!known) {
    known = new WeakMap();
    issuers.set(child, known);
  }
  let issued = known.get(issuer);
  if (issued === undefined) {
    issued = child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
    known.set(issuer, issued);
  }
  return issued;
}

/** One line of a distinguished name, e.g. the CN, from node's multi-line form. */
export function nameField(name: string, field: string): string | undefined {
  for (const line of name.split('\n')) {
    if (line.startsWith(`${field}=`)) return line.slice(field.length + 1);
  }
  return undefined;
}

/**
 * Which certificates the platform trusts, and the chain check every verification runs:
 * from the signer's certificate through the certificates the signature carries to one of
 * the trusted roots, each link's signature checked, each certificate valid at the signing
 * time, and none revoked on a configured CRL before that time.
 */
import { x509 } from './x509-library';
import { issuedBy, knownCertificate, type KnownCertificate } from './certificate-cache';
import { useNodeWebCrypto } from './webcrypto';

export type ChainProblem =
  | 'NO_PATH_TO_TRUSTED_ROOT'
  | 'NOT_YET_VALID_AT_SIGNING'
  | 'EXPIRED_AT_SIGNING'
  | 'ISSUER_NOT_A_CA'
  | 'REVOKED'
  | 'CRL_EXPIRED';

export type RevocationStatus =
  | { checked: false }
  | { checked: true; revoked: false; crlThisUpdate: Date }
  | { checked: true; revoked: true; revokedAt: Date };

export interface ChainResult {
  trusted: boolean;
  /** Signer first, the trusted root last (when one was reached). */
  chain: KnownCertificate[];
  problems: ChainProblem[];
  revocation: RevocationStatus;
}

interface ParsedCrl {
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** Upper-case hex serial → revocation date. */
  revoked: Map<string, Date>;
}

const MAX_CHAIN = 8;

/** A certificate is never taken as its own issuer; a path ends at a trusted root instead. */
const isIssuer = (child: KnownCertificate, candidate: KnownCertificate) =>
  candidate.fingerprint !== child.fingerprint && issuedBy(child, candidate);

export class TrustStore {
  private readonly roots = new Map<string, KnownCertificate>();
  private readonly crls = new Map<string, ParsedCrl>();

  constructor(roots: readonly Buffer[]) {
    for (const der of roots) {
      const root = knownCertificate(der);
      this.roots.set(root.fingerprint, root);
    }
  }

  get rootCertificates(): KnownCertificate[] {
    return [...this.roots.values()];
  }

  /**
   * Adds a CRL after checking that a trusted root signed it, and returns that root. A CRL
   * nobody trusted signed is refused, not ignored. (CRLs of intermediate authorities need
   * their issuer's chain checked first; not supported yet.)
   */
  async addCrl(der: Buffer): Promise<KnownCertificate> {
    useNodeWebCrypto();
    const crl = new x509.X509Crl(new Uint8Array(der));
    for (const issuer of this.roots.values()) {
      const peculiarIssuer = new x509.X509Certificate(new Uint8Array(issuer.der));
      if (peculiarIssuer.subject !== crl.issuer) continue;
      if (!(await crl.verify({ publicKey: peculiarIssuer }))) continue;
      const revoked = new Map<string, Date>();
      for (const entry of crl.entries) {
        revoked.set(entry.serialNumber.toUpperCase().replace(/^0+(?=.)/, ''), entry.revocationDate);
      }
      this.crls.set(issuer.fingerprint, {
        thisUpdate: crl.thisUpdate,
        nextUpdate: crl.nextUpdate,
        revoked,
      });
      return issuer;
    }
    throw new Error('the CRL is not signed by a trusted issuer');
  }

  /** Checks `certificate` at `time`, building the path through `candidates` (e.g. CMS certs). */
  validate(certificate: Buffer, candidates: readonly Buffer[], time: Date): ChainResult {
    const leaf = knownCertificate(certificate);
    const pool = candidates.map(knownCertificate);
    const chain: KnownCertificate[] = [leaf];
    const problems = new Set<ChainProblem>();
    let trusted = false;
    let current = leaf;
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      if (this.roots.has(current.fingerprint)) {
        trusted = true;
        break;
      }
      const issuer = this.findIssuer(current, pool);
      if (!issuer) break;
      if (!issuer.x509.ca) problems.add('ISSUER_NOT_A_CA');
      chain.push(issuer);
      current = issuer;
    }
    if (!trusted) problems.add('NO_PATH_TO_TRUSTED_ROOT');
    for (const link of chain) {
      if (time < link.notBefore) problems.add('NOT_YET_VALID_AT_SIGNING');
      if (time > link.notAfter) problems.add('EXPIRED_AT_SIGNING');
    }
    const revocation = this.revocationOf(chain, time, problems);
    return { trusted: trusted && problems.size === 0, chain, problems: [...problems], revocation };
  }

  /** The first trusted root, else the first candidate, that really issued `child`. */
  private findIssuer(child: KnownCertificate, pool: readonly KnownCertificate[]) {
    for (const root of this.roots.values()) if (isIssuer(child, root)) return root;
    for (const candidate of pool) if (isIssuer(child, candidate)) return candidate;
    return undefined;
  }

  /** The leaf's status on its issuer's CRL, if one is configured. */
  private revocationOf(
    chain: readonly KnownCertificate[],
    time: Date,
    problems: Set<ChainProblem>,
  ): RevocationStatus {
    const issuer = chain[1];
    const crl = issuer ? this.crls.get(issuer.fingerprint) : undefined;
    if (!crl) return { checked: false };
    if (crl.nextUpdate && crl.nextUpdate < new Date()) problems.add('CRL_EXPIRED');
    const serial = chain[0]!.serialNumber.replace(/^0+(?=.)/, '');
    const revokedAt = crl.revoked.get(serial);
    if (!revokedAt) return { checked: true, revoked: false, crlThisUpdate: crl.thisUpdate };
    // A key revoked after it signed does not undo the signature; the claimed signing time is
    // the platform's own record of when it signed (kept in the audit log).
    if (revokedAt <= time) problems.add('REVOKED');
    return { checked: true, revoked: true, revokedAt };
  }
}

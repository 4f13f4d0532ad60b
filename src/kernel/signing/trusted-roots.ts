/**
 * Administering trust: the root certificates the platform trusts when it verifies a
 * signature (in production, the Government Cipher Committee's root for state agencies and
 * the roots of licensed CAs) and the newest CRL of each issuer. Every change is audited and
 * takes effect at once in this process (other processes within a minute).
 */
import type { AppContext } from '../context';
import type { Principal } from '../auth/principal';
import type { RequestInfo } from '../auth/auth.audit';
import { recordAudit } from '../audit/audit.record';
import { knownCertificate, nameField } from './certificate-cache';
import { derFromPemOrDer } from './pem';
import { signingErrors } from './signing.errors';
import { TrustStore } from './trust-store';
import { certificatesInPem, invalidateTrustStore, platformTrustStore } from './trust';
import { x509 } from './x509-library';
import { useNodeWebCrypto } from './webcrypto';

type SigningContext = Pick<AppContext, 'config' | 'db' | 'log'>;

export const SIGNING_PERMISSIONS = {
  /** Trusted roots and CRLs: whose signatures the whole platform accepts. */
  manage: 'signing.manage',
} as const;

export interface TrustedRootView {
  id: string | null;
  subject: string;
  fingerprint: string;
  notAfter: string;
  /** `database` roots are managed here; `config` ones come from SIGNING_TRUSTED_ROOTS. */
  source: 'database' | 'config';
  addedBy: string | null;
  createdAt: string | null;
}

function actor(principal: Principal) {
  return {
    actorType: principal.kind === 'api_key' ? ('api_key' as const) : ('user' as const),
    actorId: principal.id,
  };
}

export async function listTrustedRoots(ctx: SigningContext): Promise<TrustedRootView[]> {
  const rows = await ctx.db
    .selectFrom('signingTrustedRoot')
    .select(['id', 'subject', 'fingerprint', 'notAfter', 'addedBy', 'createdAt'])
    .orderBy('subject')
    .execute();
  const views: TrustedRootView[] = rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    fingerprint: row.fingerprint,
    notAfter: row.notAfter.toISOString(),
    source: 'database',
    addedBy: row.addedBy,
    createdAt: row.createdAt.toISOString(),
  }));
  const store = await platformTrustStore(ctx);
  const inDatabase = new Set(rows.map((row) => row.fingerprint));
  for (const root of store.rootCertificates) {
    if (inDatabase.has(root.fingerprint)) continue;
    views.push({
      id: null,
      subject: nameField(root.x509.subject, 'CN') ?? root.x509.subject,
      fingerprint: root.fingerprint,
      notAfter: root.notAfter.toISOString(),
      source: 'config',
      addedBy: null,
      createdAt: null,
    });
  }
  return views;
}

export async function addTrustedRoot(
  ctx: SigningContext,
  principal: Principal,
  pem: string,
  request: RequestInfo,
): Promise<TrustedRootView> {
  let der: Buffer | undefined;
  try {
    der = certificatesInPem(pem)[0];
  } catch {
    der = undefined;
  }
  if (!der) throw signingErrors.CERTIFICATE_UNREADABLE();
  const root = knownCertificate(der);
  const selfSigned = root.x509.checkIssued(root.x509) && root.x509.verify(root.x509.publicKey);
  if (!root.x509.ca || !selfSigned) throw signingErrors.NOT_A_ROOT_CERTIFICATE();
  const subject = nameField(root.x509.subject, 'CN') ?? root.x509.subject;
  const inserted = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('signingTrustedRoot')
      .values({
        certificate: der,
        fingerprint: root.fingerprint,
        subject,
        notAfter: root.notAfter,
        addedBy: principal.id,
      })
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .returning(['id', 'createdAt'])
      .executeTakeFirst();
    if (!row) return undefined;
    await recordAudit(trx, {
      ...actor(principal),
      action: 'signing.root_added',
      recordType: 'signing_trusted_root',
      recordId: row.id,
      ip: request.ip,
      requestId: request.requestId,
      details: { subject, fingerprint: root.fingerprint },
    });
    return row;
  });
  if (!inserted) throw signingErrors.ROOT_ALREADY_TRUSTED();
  invalidateTrustStore(ctx);
  return {
    id: inserted.id,
    subject,
    fingerprint: root.fingerprint,
    notAfter: root.notAfter.toISOString(),
    source: 'database',
    addedBy: principal.id,
    createdAt: inserted.createdAt.toISOString(),
  };
}

export async function removeTrustedRoot(
  ctx: SigningContext,
  principal: Principal,
  id: string,
  request: RequestInfo,
): Promise<void> {
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('signingTrustedRoot')
      .where('id', '=', id)
      .returning(['subject', 'fingerprint'])
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, {
      ...actor(principal),
      action: 'signing.root_removed',
      recordType: 'signing_trusted_root',
      recordId: id,
      ip: request.ip,
      requestId: request.requestId,
      details: { subject: row.subject, fingerprint: row.fingerprint },
    });
    return true;
  });
  if (!removed) throw signingErrors.ROOT_NOT_FOUND();
  invalidateTrustStore(ctx);
}

export interface CrlView {
  issuer: string;
  issuerFingerprint: string;
  thisUpdate: string;
  nextUpdate: string | null;
  revokedCount: number;
}

/** Stores an issuer's CRL after checking its signature against the trusted roots. */
export async function addCrl(
  ctx: SigningContext,
  principal: Principal,
  content: Buffer,
  request: RequestInfo,
): Promise<CrlView> {
  useNodeWebCrypto();
  const der = derFromPemOrDer(content);
  let crl: InstanceType<typeof x509.X509Crl>;
  try {
    crl = new x509.X509Crl(new Uint8Array(der));
  } catch {
    throw signingErrors.CRL_UNREADABLE();
  }
  const roots = (await platformTrustStore(ctx)).rootCertificates.map((root) => root.der);
  const issuer = await new TrustStore(roots).addCrl(der).catch(() => undefined);
  if (!issuer) throw signingErrors.CRL_NOT_TRUSTED();
  const issuerFingerprint = issuer.fingerprint;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('signingCrl')
      .values({
        issuerFingerprint,
        crl: der,
        thisUpdate: crl.thisUpdate,
        nextUpdate: crl.nextUpdate ?? null,
      })
      .onConflict((oc) =>
        oc.column('issuerFingerprint').doUpdateSet({
          crl: der,
          thisUpdate: crl.thisUpdate,
          nextUpdate: crl.nextUpdate ?? null,
          updatedAt: new Date(),
        }),
      )
      .execute();
    await recordAudit(trx, {
      ...actor(principal),
      action: 'signing.crl_updated',
      recordType: 'signing_crl',
      recordId: issuerFingerprint,
      ip: request.ip,
      requestId: request.requestId,
      details: { revoked: crl.entries.length, thisUpdate: crl.thisUpdate.toISOString() },
    });
  });
  invalidateTrustStore(ctx);
  return {
    issuer: nameField(issuer.x509.subject, 'CN') ?? issuer.x509.subject,
    issuerFingerprint,
    thisUpdate: crl.thisUpdate.toISOString(),
    nextUpdate: crl.nextUpdate?.toISOString() ?? null,
    revokedCount: crl.entries.length,
  };
}

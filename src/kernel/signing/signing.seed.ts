/**
 * Demo PKI: a test root CA for the province, trusted by the platform, which issues the
 * certificates of the demo signers and agency seals (modules ask for them in their own demo
 * seeds through `issueDemoKeystore`). Never present on a real installation: there the
 * certificates come from a licensed CA and administrators configure its root.
 */
import type { AppContext } from '../context';
import { createRootCa, issueCertificate, type SubjectName } from './certificate-authority';
import { knownCertificate, nameField } from './certificate-cache';
import { loadKeystore, saveKeystore } from './keystores';
import { invalidateTrustStore } from './trust';

export const DEMO_CA_NAME = 'CA thử nghiệm tỉnh Quảng Ninh';

type SeedContext = Pick<AppContext, 'config' | 'db' | 'clock' | 'log'>;

async function demoCaId(ctx: SeedContext): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('signingKeystore')
    .select('id')
    .where('holderKind', '=', 'ca')
    .where('retiredAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** Creates the demo root CA once and adds it to the trusted roots. */
export async function seedDemoCertificateAuthority(ctx: SeedContext): Promise<void> {
  if (await demoCaId(ctx)) return;
  const now = ctx.clock.now();
  const ca = await createRootCa({
    subject: {
      commonName: DEMO_CA_NAME,
      organization: 'UBND tỉnh Quảng Ninh',
      province: 'Quảng Ninh',
    },
    // Back-dated a year so demo documents dated in the past still fall inside its validity.
    notBefore: new Date(now.getTime() - 365 * 86_400_000),
    validYears: 20,
  });
  await saveKeystore(ctx, ctx.db, {
    holderKind: 'ca',
    contents: { privateKey: ca.privateKey, certificate: ca.certificate, chain: [] },
  });
  const root = knownCertificate(ca.certificate);
  await ctx.db
    .insertInto('signingTrustedRoot')
    .values({
      certificate: ca.certificate,
      fingerprint: root.fingerprint,
      subject: nameField(root.x509.subject, 'CN') ?? root.x509.subject,
      notAfter: root.notAfter,
      addedBy: 'demo-seed',
    })
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .execute();
  invalidateTrustStore(ctx);
  ctx.log.info('demo certificate authority ready');
}

export interface DemoKeystoreRequest {
  holderKind: 'person' | 'seal';
  userId?: string;
  agencyId?: string;
  subject: SubjectName;
  /** The handwritten signature or the seal, PNG. */
  appearanceImage: Buffer;
}

/** Issues a demo certificate from the demo CA and stores its keystore; returns its id. */
export async function issueDemoKeystore(
  ctx: SeedContext,
  request: DemoKeystoreRequest,
): Promise<string> {
  const caId = await demoCaId(ctx);
  if (!caId) throw new Error('the demo certificate authority is not set up');
  const ca = await loadKeystore(ctx, ctx.db, caId);
  if (!ca) throw new Error('the demo certificate authority cannot be loaded');
  const issued = await issueCertificate({
    issuer: { certificate: ca.contents.certificate, privateKey: ca.contents.privateKey },
    subject: request.subject,
    notBefore: new Date(ctx.clock.now().getTime() - 365 * 86_400_000),
    validYears: 5,
  });
  return saveKeystore(ctx, ctx.db, {
    holderKind: request.holderKind,
    userId: request.userId ?? null,
    agencyId: request.agencyId ?? null,
    contents: { ...issued, chain: [ca.contents.certificate] },
    appearanceImage: request.appearanceImage,
  });
}

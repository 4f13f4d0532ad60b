/**
 * The platform's trust store: the roots in `signing_trusted_root` (managed by administrators;
 * the demo seed adds the province's test root), the PEM file of SIGNING_TRUSTED_ROOTS, and
 * the newest CRL of each issuer. Built once and reused; changes made through this module
 * rebuild it at once in this process, and other processes pick them up within a minute.
 */
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import type { AppContext } from '../context';
import { TrustStore } from './trust-store';

const REFRESH_MS = 60_000;

interface Cached {
  store: Promise<TrustStore>;
  builtAt: number;
}

const cache = new WeakMap<object, Cached>();

/** Certificates in a PEM bundle, DER. */
export function certificatesInPem(pem: string): Buffer[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => Buffer.from(new X509Certificate(block).raw));
}

type TrustContext = Pick<AppContext, 'config' | 'db' | 'log'>;

async function build(ctx: TrustContext): Promise<TrustStore> {
  const rows = await ctx.db.selectFrom('signingTrustedRoot').select('certificate').execute();
  const roots = rows.map((row) => row.certificate);
  if (ctx.config.signingTrustedRoots !== '') {
    roots.push(...certificatesInPem(fs.readFileSync(ctx.config.signingTrustedRoots, 'utf8')));
  }
  const store = new TrustStore(roots);
  const crls = await ctx.db.selectFrom('signingCrl').select(['crl', 'issuerFingerprint']).execute();
  for (const { crl, issuerFingerprint } of crls) {
    // A CRL whose issuer is no longer trusted is skipped, not fatal: every other check
    // still has to work.
    await store
      .addCrl(crl)
      .catch(() => ctx.log.warn({ issuerFingerprint }, 'CRL skipped: untrusted issuer'));
  }
  return store;
}

export function platformTrustStore(ctx: TrustContext): Promise<TrustStore> {
  const now = Date.now();
  const cached = cache.get(ctx.db);
  if (cached && now - cached.builtAt < REFRESH_MS) return cached.store;
  const store = build(ctx);
  cache.set(ctx.db, { store, builtAt: now });
  store.catch(() => cache.delete(ctx.db));
  return store;
}

/** Forgets the cached store after roots or CRLs changed. */
export function invalidateTrustStore(ctx: Pick<AppContext, 'db'>): void {
  cache.delete(ctx.db);
}

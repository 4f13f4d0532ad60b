/**
 * Digital signatures: software keystores (PKCS#12) of signers and agency seals, the trusted
 * roots and CRLs, PAdES signing and verification of PDFs and CMS/CAdES of other files.
 * Tables: signing_keystore, signing_trusted_root, signing_crl.
 * Permission: signing.manage (trusted roots and CRLs), held by province administrators.
 * Demo seed: the province's test root CA (modules issue their demo certificates from it).
 */
import type { Manifest } from '../manifest';
import * as createTables from './migrations/20261122090000_signing_create_tables';
import { seedDemoCertificateAuthority } from './signing.seed';
import { signingRoutes } from './signing.routes';
import { trustRoutes } from './trust.routes';
import { SIGNING_PERMISSIONS } from './trusted-roots';
import { addRolePermissions } from '../auth';

export const signingManifest: Manifest = {
  name: 'signing',
  migrations: { '20261122090000_signing_create_tables': createTables },
  routes: async (app, ctx) => {
    await signingRoutes(app, ctx);
    await trustRoutes(app, ctx);
  },
  seed: {
    // Runs after the auth seed has reset the built-in roles.
    reference: (ctx) =>
      addRolePermissions(ctx.db, { province_admin: [SIGNING_PERMISSIONS.manage] }),
    demo: seedDemoCertificateAuthority,
  },
};

/** The audit log's part: its tables, the sealer and checkpoint jobs, and the auditors' API. */
import type { Manifest } from '../manifest';
import * as createAuditLog from './migrations/20261121004000_audit_create_audit_log';
import { auditRoutes } from './audit.routes';
import { sealPendingAuditEvents } from './audit.sealer';
import { signAuditCheckpoint } from './audit.checkpoint';

export const auditManifest: Manifest = {
  name: 'audit',
  migrations: { '20261121004000_audit_create_audit_log': createAuditLog },
  routes: auditRoutes,
  jobs: [
    {
      // Links newly committed rows into the chain within a second of their commit.
      name: 'audit.seal',
      everySeconds: 1,
      run: async (ctx) => void (await sealPendingAuditEvents(ctx.db)),
    },
    {
      name: 'audit.sign_checkpoint',
      everySeconds: 60,
      run: async (ctx) => void (await signAuditCheckpoint(ctx)),
    },
  ],
};

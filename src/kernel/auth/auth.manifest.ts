/**
 * Identity and access: accounts (citizens, staff), sessions, second factor, roles scoped to
 * agency subtrees, API keys for machines. The request hook is `registerAuth` (installed by
 * buildApp for every route); this manifest brings the tables, the routes, the clean-up job
 * and the seeds.
 */
import type { Manifest } from '../manifest';
import * as createAppUser from './migrations/20261121003000_auth_create_app_user';
import * as createAuthSession from './migrations/20261121003100_auth_create_auth_session';
import * as createAuthAttempt from './migrations/20261121003200_auth_create_auth_attempt';
import * as createApiKey from './migrations/20261121003300_auth_create_api_key';
import { authRoutes } from './auth.routes';
import { adminRoutes } from './admin.routes';
import { seedDemoAccounts, seedRoles } from './auth.seed';
import { purgeEndedSessions } from './sessions';
import { purgeOldAttempts } from './throttle';

export const authManifest: Manifest = {
  name: 'auth',
  migrations: {
    '20261121003000_auth_create_app_user': createAppUser,
    '20261121003100_auth_create_auth_session': createAuthSession,
    '20261121003200_auth_create_auth_attempt': createAuthAttempt,
    '20261121003300_auth_create_api_key': createApiKey,
  },
  routes: async (app, ctx) => {
    await authRoutes(app, ctx);
    await adminRoutes(app, ctx);
  },
  jobs: [
    {
      name: 'auth.purge_sessions_and_attempts',
      everySeconds: 3600,
      run: async (ctx) => {
        const now = ctx.clock.now();
        await purgeEndedSessions(ctx.db, now);
        await purgeOldAttempts(ctx.db, now);
      },
    },
  ],
  seed: { reference: seedRoles, demo: seedDemoAccounts },
};

/**
 * The authentication hook of the whole API, registered once on the root instance (before
 * any route) by buildApp, so it runs for every route of every part:
 * 1. `X-Api-Key` → the key's principal, or 401 API_KEY_INVALID (never a silent fallback);
 * 2. otherwise the CSRF rule (csrf.ts), then the session cookie → the person's principal,
 *    with permissions reloaded on each request, so a role change or a disabled account
 *    takes effect at once;
 * 3. a session that still owes its second factor gets a principal only on routes marked
 *    `config: { allowPendingMfa: true }`; elsewhere it is anonymous and the guards answer
 *    401 with `mfaRequired` (principal.ts).
 */
import cookie from '@fastify/cookie';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { authErrors } from './auth.errors';
import { resolveApiKey } from './api-keys';
import { isForgeryRisk } from './csrf';
import { primeDummyPassword } from './passwords';
import { loadGrants, userPrincipal } from './grants';
import { clearSessionCookie, sessionCookieName } from './session-cookie';
import { findLiveSession, touchSession, type LiveSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session behind the cookie, even when its principal is withheld. */
    authSession: LiveSession | null;
  }
}

export async function registerAuth(app: Api, ctx: AppContext): Promise<void> {
  if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
  app.decorateRequest('mfaPending', null);
  app.decorateRequest('authSession', null);
  const cookieName = sessionCookieName(ctx.config);
  await primeDummyPassword();

  app.addHook('onRequest', async (request, reply) => {
    const apiKey = request.headers['x-api-key'];
    if (apiKey !== undefined) {
      const principal =
        typeof apiKey === 'string' ? await resolveApiKey(ctx.db, apiKey, ctx.clock.now()) : null;
      if (!principal) throw authErrors.API_KEY_INVALID();
      request.principal = principal;
      return;
    }

    const token = request.cookies[cookieName];
    if (isForgeryRisk(request, ctx.config, token !== undefined)) throw authErrors.CSRF_REJECTED();
    if (!token) return;

    const now = ctx.clock.now();
    const session = await findLiveSession(ctx.db, token, now);
    if (!session) {
      clearSessionCookie(reply, ctx.config);
      return;
    }
    await touchSession(ctx.db, ctx.config, session, now);
    request.authSession = session;

    const mfaPassed = session.mfaPassedAt !== null;
    const mfaRequired = session.userType === 'staff' || session.totpEnabled;
    if (mfaRequired && !mfaPassed && !request.routeOptions.config.allowPendingMfa) {
      request.mfaPending = { userId: session.userId, enrolmentRequired: !session.totpEnabled };
      return;
    }
    request.principal = userPrincipal({
      userId: session.userId,
      userType: session.userType,
      agencyId: session.agencyId,
      sessionId: session.id,
      mfaPassed,
      grants: await loadGrants(ctx.db, session.userId),
    });
  });
}

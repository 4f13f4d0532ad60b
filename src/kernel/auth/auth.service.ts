/**
 * Signing up, signing in and out, and a person's own account: the rules behind
 * /api/auth/*. Routes hand over the request's facts; this file decides, writes in
 * transactions and audits.
 */
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';
import { authErrors } from './auth.errors';
import { auditAuth, type RequestInfo } from './auth.audit';
import type { UserView } from './auth.schemas';
import type { Locale } from './auth.tables';
import { normaliseEmail, normalisePhone } from './contact';
import { assertAcceptablePassword } from './password-policy';
import { hashPassword, verifyDummyPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { CITIZEN_ROLE } from './permissions';
import { createSession, revokeSession, revokeUserSessions } from './sessions';
import {
  accountKeyOf,
  assertAccountNotLocked,
  assertIpNotThrottled,
  recordFailure,
  recordSuccess,
} from './throttle';
import { presentUser } from './user-view';
import {
  contactTaken,
  findUserByEmail,
  findUserById,
  findUserByPhone,
  insertUser,
  loadUserRecord,
  replaceUserRoles,
  updateUser,
  type AppUserRow,
} from './users.queries';

export interface RegisterInput {
  email?: string;
  phone?: string;
  password: string;
  fullName: string;
  locale?: Locale;
}

/** PostgreSQL's unique_violation: two sign-ups with one email raced past the check. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export async function registerCitizen(
  ctx: AppContext,
  request: RequestInfo,
  input: RegisterInput,
): Promise<UserView> {
  const email = input.email ? normaliseEmail(input.email) : null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) throw authErrors.PHONE_INVALID();
  if (!email && !phone) throw authErrors.CONTACT_REQUIRED();
  assertAcceptablePassword(input.password, { email, phone });
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  try {
    const userId = await ctx.db.transaction().execute(async (trx) => {
      if (await contactTaken(trx, email, phone)) throw authErrors.ACCOUNT_EXISTS();
      const id = await insertUser(trx, {
        type: 'citizen',
        email,
        phone,
        fullName: input.fullName.trim(),
        locale: input.locale ?? 'vi',
        passwordHash,
        agencyId: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await replaceUserRoles(trx, id, [{ role: CITIZEN_ROLE, agencyId: null }], null);
      await auditAuth(trx, {
        action: 'auth.user_registered',
        actor: { kind: 'user', id },
        recordType: 'user',
        recordId: id,
        request,
        details: { with: [email ? 'email' : null, phone ? 'phone' : null].filter(Boolean) },
      });
      return id;
    });
    return presentUser((await loadUserRecord(ctx.db, userId))!, 'full');
  } catch (error) {
    if (isUniqueViolation(error)) throw authErrors.ACCOUNT_EXISTS();
    throw error;
  }
}

/** An identifier as typed: an email when it has an @, otherwise a phone number. */
export function normaliseIdentifier(identifier: string): string {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return normaliseEmail(trimmed);
  return normalisePhone(trimmed) ?? trimmed.toLowerCase();
}

async function findUserByIdentifier(
  ctx: AppContext,
  normalised: string,
): Promise<AppUserRow | undefined> {
  if (normalised.includes('@')) return findUserByEmail(ctx.db, normalised);
  if (normalised.startsWith('+84')) return findUserByPhone(ctx.db, normalised);
  return undefined;
}

export interface LoginInput {
  identifier: string;
  password: string;
  /** Session presented with the request, revoked on success (no fixation). */
  currentSessionId: string | null;
}

export interface LoginResult {
  user: UserView;
  mfaRequired: boolean;
  mfaEnrolmentRequired: boolean;
  sessionToken: string;
}

export async function login(
  ctx: AppContext,
  request: RequestInfo,
  input: LoginInput,
): Promise<LoginResult> {
  const settings = ctx.config;
  const now = ctx.clock.now();
  await assertIpNotThrottled(ctx.db, settings, request.ip, now);
  const identifier = normaliseIdentifier(input.identifier);
  const accountKey = accountKeyOf(identifier);
  const user = await findUserByIdentifier(ctx, identifier);
  await assertAccountNotLocked(ctx.db, settings, now, user ?? null, accountKey);

  let ok = false;
  let needsRehash = false;
  if (user?.passwordHash) {
    ({ ok, needsRehash } = await verifyPassword(user.passwordHash, input.password));
  } else {
    await verifyDummyPassword(input.password);
  }

  const attempt = {
    kind: 'password' as const,
    ip: request.ip,
    accountKey,
    userId: user?.id ?? null,
  };
  if (!user || !ok) {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await recordFailure(trx, settings, now, attempt);
      await auditAuth(trx, {
        action: 'auth.login_failed',
        actor: null,
        recordType: 'user',
        recordId: user?.id ?? null,
        request,
        details: { reason: user ? 'wrong_password' : 'unknown_identifier', locked },
      });
    });
    throw authErrors.INVALID_CREDENTIALS();
  }
  if (user.status !== 'active') {
    await auditAuth(ctx.db, {
      action: 'auth.login_refused_disabled',
      actor: null,
      recordType: 'user',
      recordId: user.id,
      request,
    });
    throw authErrors.ACCOUNT_DISABLED();
  }

  const freshHash = needsRehash ? await hashPassword(input.password) : null;
  const mfaRequired = user.type === 'staff' || user.totpEnabledAt !== null;
  const mfaEnrolmentRequired = user.type === 'staff' && user.totpEnabledAt === null;
  const session = await ctx.db.transaction().execute(async (trx) => {
    await recordSuccess(trx, now, attempt);
    await updateUser(trx, user.id, {
      lastLoginAt: now,
      ...(freshHash ? { passwordHash: freshHash } : {}),
    });
    if (input.currentSessionId) await revokeSession(trx, input.currentSessionId, now);
    const created = await createSession(trx, settings, now, {
      userId: user.id,
      ip: request.ip,
      userAgent: request.userAgent,
      mfaPassedAt: null,
    });
    await auditAuth(trx, {
      action: 'auth.login_succeeded',
      actor: { kind: 'user', id: user.id },
      recordType: 'session',
      recordId: created.id,
      request,
      details: { mfaRequired, passwordRehashed: freshHash !== null },
    });
    return created;
  });
  return {
    user: presentUser((await loadUserRecord(ctx.db, user.id))!, 'full'),
    mfaRequired,
    mfaEnrolmentRequired,
    sessionToken: session.token,
  };
}

export async function logout(
  ctx: AppContext,
  request: RequestInfo,
  session: { id: string; userId: string } | null,
): Promise<void> {
  if (!session) return;
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSession(trx, session.id, ctx.clock.now());
    await auditAuth(trx, {
      action: 'auth.logout',
      actor: { kind: 'user', id: session.userId },
      recordType: 'session',
      recordId: session.id,
      request,
    });
  });
}

export async function currentUser(ctx: AppContext, principal: Principal): Promise<UserView> {
  const record = await loadUserRecord(ctx.db, principal.id);
  if (!record) throw httpErrors.UNAUTHENTICATED();
  return presentUser(record, 'full');
}

export async function updateOwnProfile(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  changes: { fullName?: string; locale?: Locale },
): Promise<UserView> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, principal.id, {
      ...(changes.fullName !== undefined ? { fullName: changes.fullName.trim() } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      updatedAt: now,
    });
    await auditAuth(trx, {
      action: 'auth.profile_updated',
      actor: principal,
      recordType: 'user',
      recordId: principal.id,
      request,
      details: { fields: Object.keys(changes).sort() },
    });
  });
  return currentUser(ctx, principal);
}

export async function changePassword(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const settings = ctx.config;
  const now = ctx.clock.now();
  await assertIpNotThrottled(ctx.db, settings, request.ip, now);
  const user = await findUserById(ctx.db, principal.id);
  if (!user) throw httpErrors.UNAUTHENTICATED();
  const accountKey = accountKeyOf(user.email ?? user.phone ?? user.id);
  await assertAccountNotLocked(ctx.db, settings, now, user, accountKey);
  const check = user.passwordHash
    ? await verifyPassword(user.passwordHash, input.currentPassword)
    : { ok: false };
  const attempt = { kind: 'password' as const, ip: request.ip, accountKey, userId: user.id };
  if (!check.ok) {
    await recordFailure(ctx.db, settings, now, attempt);
    throw authErrors.CURRENT_PASSWORD_WRONG();
  }
  assertAcceptablePassword(input.newPassword, { email: user.email, phone: user.phone });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await recordSuccess(trx, now, attempt);
    await updateUser(trx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now });
    // Whoever else holds a session of this account (a stolen cookie) is signed out.
    const ended = await revokeUserSessions(trx, user.id, now, principal.sessionId ?? undefined);
    await auditAuth(trx, {
      action: 'auth.password_changed',
      actor: principal,
      recordType: 'user',
      recordId: user.id,
      request,
      details: { otherSessionsEnded: ended },
    });
  });
}

/**
 * The second factor: setting up an authenticator (TOTP) and presenting a code — or one of
 * the recovery codes — to finish signing in. Both successful paths rotate the session, so
 * the token that existed before the second factor is worthless after it.
 */
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';
import { authErrors } from './auth.errors';
import { auditAuth, type RequestInfo } from './auth.audit';
import type { AuthDb } from './auth-db';
import type { UserView } from './auth.schemas';
import { base32Encode } from './base32';
import { fieldCipher } from './field-crypto';
import {
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  issueRecoveryCodes,
  looksLikeRecoveryCode,
} from './recovery-codes';
import { createSession, revokeSession } from './sessions';
import {
  assertAccountNotLocked,
  assertIpNotThrottled,
  recordFailure,
  recordSuccess,
} from './throttle';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp';
import { presentUser } from './user-view';
import { findUserById, loadUserRecord, type AppUserRow } from './users.queries';

export const TOTP_ISSUER = 'Tỉnh số';

/** The session being finished: its id and when it must end regardless of activity. */
export interface CurrentSession {
  id: string;
  userId: string;
  createdAt: Date;
  absoluteExpiresAt: Date;
}

/** Associated data of the encrypted secret: it only decrypts on its own row and column. */
function secretContext(userId: string): string {
  return `app_user.totp_secret:${userId}`;
}

function readSecret(ctx: AppContext, user: AppUserRow): Buffer {
  if (!user.totpSecret) throw authErrors.MFA_ENROLMENT_NOT_STARTED();
  return fieldCipher(ctx.config).decrypt(user.totpSecret, secretContext(user.id));
}

async function loadUser(ctx: AppContext, userId: string): Promise<AppUserRow> {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.status !== 'active') throw httpErrors.UNAUTHENTICATED();
  return user;
}

async function rotate(
  trx: AuthDb,
  ctx: AppContext,
  request: RequestInfo,
  session: CurrentSession,
  now: Date,
): Promise<string> {
  await revokeSession(trx, session.id, now);
  const created = await createSession(trx, ctx.config, now, {
    userId: session.userId,
    ip: request.ip,
    userAgent: request.userAgent,
    mfaPassedAt: now,
    createdAt: session.createdAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
  });
  return created.token;
}

/** Records the accepted time step unless a concurrent request already used it. */
async function claimStep(trx: AuthDb, userId: string, step: number): Promise<boolean> {
  const row = await trx
    .updateTable('appUser')
    .set({ totpLastStep: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function startEnrolment(
  ctx: AppContext,
  request: RequestInfo,
  userId: string,
): Promise<{ secret: string; otpauthUri: string }> {
  const user = await loadUser(ctx, userId);
  if (user.totpEnabledAt) throw authErrors.MFA_ALREADY_ENROLLED();
  const secret = generateTotpSecret();
  const stored = fieldCipher(ctx.config).encrypt(secret, secretContext(user.id));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appUser')
      .set({ totpSecret: stored, totpLastStep: null, updatedAt: ctx.clock.now() })
      .where('id', '=', user.id)
      .where('totpEnabledAt', 'is', null)
      .execute();
    await auditAuth(trx, {
      action: 'auth.mfa_enrolment_started',
      actor: { kind: 'user', id: user.id },
      recordType: 'user',
      recordId: user.id,
      request,
    });
  });
  return {
    secret: base32Encode(secret),
    otpauthUri: otpauthUri(secret, TOTP_ISSUER, user.email ?? user.phone ?? user.id),
  };
}

export async function confirmEnrolment(
  ctx: AppContext,
  request: RequestInfo,
  session: CurrentSession,
  code: string,
): Promise<{ recoveryCodes: string[]; sessionToken: string }> {
  const settings = ctx.config;
  const now = ctx.clock.now();
  const user = await loadUser(ctx, session.userId);
  if (user.totpEnabledAt) throw authErrors.MFA_ALREADY_ENROLLED();
  const secret = readSecret(ctx, user);
  await assertIpNotThrottled(ctx.db, settings, request.ip, now);
  await assertAccountNotLocked(ctx.db, settings, now, user, '');
  const attempt = { kind: 'mfa' as const, ip: request.ip, accountKey: null, userId: user.id };
  const step = verifyTotp(secret, code.trim(), now, null);
  if (step === null) {
    await recordFailure(ctx.db, settings, now, attempt);
    throw authErrors.MFA_CODE_INVALID();
  }
  return ctx.db.transaction().execute(async (trx) => {
    const enabled = await trx
      .updateTable('appUser')
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where('id', '=', user.id)
      .where('totpEnabledAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!enabled) throw authErrors.MFA_ALREADY_ENROLLED();
    const recoveryCodes = await issueRecoveryCodes(trx, user.id);
    await recordSuccess(trx, now, attempt);
    const sessionToken = await rotate(trx, ctx, request, session, now);
    await auditAuth(trx, {
      action: 'auth.mfa_enrolled',
      actor: { kind: 'user', id: user.id },
      recordType: 'user',
      recordId: user.id,
      request,
      details: { method: 'totp', recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes, sessionToken };
  });
}

export async function verifySecondFactor(
  ctx: AppContext,
  request: RequestInfo,
  session: CurrentSession,
  code: string,
): Promise<{ user: UserView; sessionToken: string }> {
  const settings = ctx.config;
  const now = ctx.clock.now();
  const user = await loadUser(ctx, session.userId);
  if (!user.totpEnabledAt) throw authErrors.MFA_NOT_ENROLLED();
  await assertIpNotThrottled(ctx.db, settings, request.ip, now);
  await assertAccountNotLocked(ctx.db, settings, now, user, '');
  const attempt = { kind: 'mfa' as const, ip: request.ip, accountKey: null, userId: user.id };
  const given = code.replace(/\s/g, '');
  const method = /^\d{6}$/.test(given) ? 'totp' : 'recovery_code';

  const sessionToken = await ctx.db.transaction().execute(async (trx) => {
    let accepted = false;
    if (method === 'totp') {
      const step = verifyTotp(readSecret(ctx, user), given, now, user.totpLastStep);
      accepted = step !== null && (await claimStep(trx, user.id, step));
    } else if (looksLikeRecoveryCode(given)) {
      accepted = await consumeRecoveryCode(trx, user.id, given, now);
    }
    if (!accepted) return null;
    await recordSuccess(trx, now, attempt);
    const token = await rotate(trx, ctx, request, session, now);
    await auditAuth(trx, {
      action: 'auth.mfa_verified',
      actor: { kind: 'user', id: user.id },
      recordType: 'session',
      recordId: session.id,
      request,
      details: {
        method,
        ...(method === 'recovery_code'
          ? { recoveryCodesLeft: await countUnusedRecoveryCodes(trx, user.id) }
          : {}),
      },
    });
    return token;
  });

  if (!sessionToken) {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await recordFailure(trx, settings, now, attempt);
      await auditAuth(trx, {
        action: 'auth.mfa_failed',
        actor: null,
        recordType: 'user',
        recordId: user.id,
        request,
        details: { method, locked },
      });
    });
    throw authErrors.MFA_CODE_INVALID();
  }
  return {
    user: presentUser((await loadUserRecord(ctx.db, user.id))!, 'full'),
    sessionToken,
  };
}

/**
 * Step-up confirmation: a signed-in person presents a fresh authenticator code to confirm
 * one grave act (a digital signature on an official document). The code's time step is
 * consumed, so it cannot confirm a second act; failures count towards the same lockout as
 * signing in. Recovery codes are not accepted here: they exist to regain access, not to sign.
 */
export async function confirmStepUp(
  ctx: AppContext,
  request: RequestInfo,
  userId: string,
  code: string,
  purpose: string,
): Promise<void> {
  const now = ctx.clock.now();
  const user = await loadUser(ctx, userId);
  if (!user.totpEnabledAt) throw authErrors.MFA_NOT_ENROLLED();
  await assertIpNotThrottled(ctx.db, ctx.config, request.ip, now);
  await assertAccountNotLocked(ctx.db, ctx.config, now, user, '');
  const attempt = { kind: 'mfa' as const, ip: request.ip, accountKey: null, userId: user.id };
  const given = code.replace(/\s/g, '');
  const accepted = await ctx.db.transaction().execute(async (trx) => {
    const step = /^\d{6}$/.test(given)
      ? verifyTotp(readSecret(ctx, user), given, now, user.totpLastStep)
      : null;
    if (step === null || !(await claimStep(trx, user.id, step))) return false;
    await recordSuccess(trx, now, attempt);
    await auditAuth(trx, {
      action: 'auth.step_up_confirmed',
      actor: { kind: 'user', id: user.id },
      recordType: 'user',
      recordId: user.id,
      request,
      details: { purpose },
    });
    return true;
  });
  if (accepted) return;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await recordFailure(trx, ctx.config, now, attempt);
    await auditAuth(trx, {
      action: 'auth.step_up_failed',
      actor: { kind: 'user', id: user.id },
      recordType: 'user',
      recordId: user.id,
      request,
      details: { purpose, locked },
    });
  });
  throw authErrors.MFA_CODE_INVALID();
}

/**
 * Brute-force protection for passwords and second-factor codes (ASVS 2.2.1), at two levels,
 * both kept in the database so every API process sees the same counts:
 *
 * - per account: after `loginMaxFailures` consecutive failures the account is locked for
 *   `loginLockMinutes`. An identifier that matches no account is throttled the same way
 *   (from its attempts in `auth_attempt`), so the 429 does not reveal which accounts exist;
 * - per client address: a sliding window of `loginLockMinutes` allowing
 *   `IP_FAILURE_FACTOR × loginMaxFailures` failures, across all identifiers, against
 *   password spraying. The factor leaves room for a commune office behind one address.
 *
 * Refused (throttled) attempts are not counted, so a lock ends when its time is up.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config/config';
import { AppError } from '../errors/app-error';
import type { AttemptKind } from './auth.tables';
import type { AuthDb } from './auth-db';
import { authErrors } from './auth.errors';

export const IP_FAILURE_FACTOR = 5;

export type ThrottleSettings = Pick<Config, 'loginMaxFailures' | 'loginLockMinutes'>;

/** SHA-256 of the normalised identifier: attempts are counted without storing what was typed. */
export function accountKeyOf(identifier: string): string {
  return createHash('sha256').update(`identifier:${identifier}`).digest('hex');
}

export function throttled(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'LOGIN_THROTTLED',
    429,
    authErrors.specs.LOGIN_THROTTLED.message,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}

/**
 * When the window of failures matching `filter` frees up, or null if not throttled: the
 * `limit`-th most recent failure inside the window leaves it at that time plus the window.
 */
async function windowThrottledUntil(
  db: AuthDb,
  settings: ThrottleSettings,
  now: Date,
  limit: number,
  filter: { ip: string } | { accountKey: string },
): Promise<Date | null> {
  const windowMs = settings.loginLockMinutes * 60_000;
  let query = db
    .selectFrom('authAttempt')
    .select('attemptedAt')
    .where('succeeded', '=', false)
    .where('kind', 'in', ['password', 'mfa'])
    .where('attemptedAt', '>', new Date(now.getTime() - windowMs));
  query =
    'ip' in filter
      ? query.where('ip', '=', filter.ip)
      : query.where('accountKey', '=', filter.accountKey);
  const row = await query
    .orderBy('attemptedAt', 'desc')
    .offset(limit - 1)
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.attemptedAt.getTime() + windowMs) : null;
}

export async function assertIpNotThrottled(
  db: AuthDb,
  settings: ThrottleSettings,
  ip: string,
  now: Date,
): Promise<void> {
  const limit = settings.loginMaxFailures * IP_FAILURE_FACTOR;
  const until = await windowThrottledUntil(db, settings, now, limit, { ip });
  if (until && until > now) throw throttled(until, now);
}

/** For a known account, its lock; for an unknown identifier, the same rule from attempts. */
export async function assertAccountNotLocked(
  db: AuthDb,
  settings: ThrottleSettings,
  now: Date,
  account: { lockedUntil: Date | null } | null,
  accountKey: string,
): Promise<void> {
  if (account) {
    if (account.lockedUntil && account.lockedUntil > now) throw throttled(account.lockedUntil, now);
    return;
  }
  const until = await windowThrottledUntil(db, settings, now, settings.loginMaxFailures, {
    accountKey,
  });
  if (until && until > now) throw throttled(until, now);
}

export interface Attempt {
  kind: AttemptKind;
  ip: string;
  accountKey: string | null;
  userId: string | null;
}

/** Counts a failure; locks the account when it reaches the limit. Returns whether it locked. */
export async function recordFailure(
  db: AuthDb,
  settings: ThrottleSettings,
  now: Date,
  attempt: Attempt,
): Promise<boolean> {
  await db
    .insertInto('authAttempt')
    .values({
      kind: attempt.kind,
      ip: attempt.ip,
      accountKey: attempt.accountKey,
      succeeded: false,
      attemptedAt: now,
    })
    .execute();
  if (!attempt.userId) return false;
  const max = settings.loginMaxFailures;
  const lockUntil = new Date(now.getTime() + settings.loginLockMinutes * 60_000);
  const row = await db
    .updateTable('appUser')
    .set({
      failedLoginCount: sql<number>`CASE WHEN failed_login_count + 1 >= ${max} THEN 0
        ELSE failed_login_count + 1 END`,
      lockedUntil: sql<Date | null>`CASE WHEN failed_login_count + 1 >= ${max}
        THEN ${lockUntil}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', attempt.userId)
    .returning('lockedUntil')
    .executeTakeFirst();
  return row?.lockedUntil?.getTime() === lockUntil.getTime();
}

export async function recordSuccess(db: AuthDb, now: Date, attempt: Attempt): Promise<void> {
  await db
    .insertInto('authAttempt')
    .values({
      kind: attempt.kind,
      ip: attempt.ip,
      accountKey: attempt.accountKey,
      succeeded: true,
      attemptedAt: now,
    })
    .execute();
  if (attempt.userId) {
    await db
      .updateTable('appUser')
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where('id', '=', attempt.userId)
      .execute();
  }
}

/** Attempts older than a day no longer matter to any window. */
export async function purgeOldAttempts(db: AuthDb, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('authAttempt')
    .where('attemptedAt', '<', new Date(now.getTime() - 24 * 3_600_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Server-side sessions. The browser holds a 256-bit random token; the table holds only its
 * SHA-256, so the session list can be read (by an operator, a backup) without handing out
 * live sessions. A session ends when it is revoked, when it has been idle for
 * `sessionIdleMinutes`, or `sessionAbsoluteHours` after sign-in, whichever comes first.
 * Rotation (at sign-in and after the second factor) issues a new token and revokes the old
 * one, so a token planted before sign-in is worthless after it.
 */
import { randomToken } from '../crypto/random-token';
import { sha256Hex } from '../crypto/sha256';
import type { Config } from '../config/config';
import type { UserType } from './auth.tables';
import type { AuthDb } from './auth-db';

/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function newSessionToken(): string {
  return randomToken(32);
}

export function sessionIdOf(token: string): string {
  return sha256Hex(token);
}

export interface NewSession {
  userId: string;
  ip: string | null;
  userAgent: string | null;
  mfaPassedAt: Date | null;
  /** Kept from the session being rotated, so rotation never extends the absolute limit. */
  absoluteExpiresAt?: Date;
  createdAt?: Date;
}

type SessionLimits = Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

/** Inserts a session and returns the token for the cookie. */
export async function createSession(
  db: AuthDb,
  limits: SessionLimits,
  now: Date,
  session: NewSession,
): Promise<{ token: string; id: string }> {
  const token = newSessionToken();
  const id = sessionIdOf(token);
  const absoluteExpiresAt =
    session.absoluteExpiresAt ?? new Date(now.getTime() + limits.sessionAbsoluteHours * 3_600_000);
  await db
    .insertInto('authSession')
    .values({
      id,
      userId: session.userId,
      createdAt: session.createdAt ?? now,
      lastSeenAt: now,
      idleExpiresAt: idleExpiry(limits, now, absoluteExpiresAt),
      absoluteExpiresAt,
      mfaPassedAt: session.mfaPassedAt,
      ip: session.ip,
      userAgent: session.userAgent?.slice(0, 512) ?? null,
      revokedAt: null,
    })
    .execute();
  return { token, id };
}

function idleExpiry(limits: SessionLimits, now: Date, absolute: Date): Date {
  const idle = now.getTime() + limits.sessionIdleMinutes * 60_000;
  return new Date(Math.min(idle, absolute.getTime()));
}

export interface LiveSession {
  id: string;
  userId: string;
  userType: UserType;
  agencyId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  mfaPassedAt: Date | null;
  totpEnabled: boolean;
}

/** The live session behind a token, if any: not revoked, not expired, its user active. */
export async function findLiveSession(
  db: AuthDb,
  token: string,
  now: Date,
): Promise<LiveSession | null> {
  const row = await db
    .selectFrom('authSession as s')
    .innerJoin('appUser as u', 'u.id', 's.userId')
    .select([
      's.id',
      's.userId',
      'u.type as userType',
      'u.agencyId',
      's.createdAt',
      's.lastSeenAt',
      's.absoluteExpiresAt',
      's.mfaPassedAt',
      'u.totpEnabledAt',
    ])
    .where('s.id', '=', sessionIdOf(token))
    .where('s.revokedAt', 'is', null)
    .where('s.idleExpiresAt', '>', now)
    .where('s.absoluteExpiresAt', '>', now)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const { totpEnabledAt, ...session } = row;
  return { ...session, totpEnabled: totpEnabledAt !== null };
}

/** Extends the idle limit, at most once a minute per session. */
export async function touchSession(
  db: AuthDb,
  limits: SessionLimits,
  session: LiveSession,
  now: Date,
): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db
    .updateTable('authSession')
    .set({
      lastSeenAt: now,
      idleExpiresAt: idleExpiry(limits, now, session.absoluteExpiresAt),
    })
    .where('id', '=', session.id)
    .where('lastSeenAt', '<', new Date(now.getTime() - TOUCH_INTERVAL_MS))
    .execute();
}

export async function revokeSession(db: AuthDb, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('authSession')
    .set({ revokedAt: now })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Ends every session of a user, except `keepSessionId` when given (password change). */
export async function revokeUserSessions(
  db: AuthDb,
  userId: string,
  now: Date,
  keepSessionId?: string,
): Promise<number> {
  let query = db
    .updateTable('authSession')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Removes sessions that ended more than a week ago. */
export async function purgeEndedSessions(db: AuthDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const result = await db
    .deleteFrom('authSession')
    .where((eb) =>
      eb.or([
        eb('absoluteExpiresAt', '<', cutoff),
        eb('idleExpiresAt', '<', cutoff),
        eb('revokedAt', '<', cutoff),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * API keys of machine clients (integrations such as the national portal or LGSP). A key is
 * `tsk_<8 characters>_<43 characters>`: the first part is the prefix people see in lists
 * and logs, the whole is the secret, stored only as its SHA-256 — enough for 256 random
 * bits, which no dictionary holds. A key belongs to an agency, and its scopes are
 * permissions within that agency's subtree.
 */
import { randomInt } from 'node:crypto';
import { randomToken } from '../crypto/random-token';
import { sha256Hex } from '../crypto/sha256';
import type { AuthDb } from './auth-db';
import type { Principal } from './principal';

const PREFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const KEY_PATTERN = /^(tsk_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

export function generateApiKey(): { prefix: string; key: string } {
  let id = '';
  for (let i = 0; i < 8; i += 1) id += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const prefix = `tsk_${id}`;
  return { prefix, key: `${prefix}_${randomToken(32)}` };
}

/**
 * How long a verified key is trusted without asking the database again. A machine client
 * sends a steady stream of requests with the same key; reading the key row for each one is
 * a round trip that buys nothing. Revoking a key forgets it at once in the process that
 * revoked it (forgetApiKey); other processes of a multi-instance deployment stop accepting
 * it within this time.
 */
export const API_KEY_TRUST_MS = 5_000;

interface TrustedKey {
  id: string;
  agencyId: string;
  scopes: readonly string[];
  lastUsedAt: Date | null;
  /** Until when the entry may be used: the trust period, or the key's expiry if sooner. */
  until: number;
}

/** Per database, so two platforms in one process (tests, benchmarks) never share keys. */
const trusted = new WeakMap<object, Map<string, TrustedKey>>();
const MAX_TRUSTED = 1000;

/** Forgets a key (by id) everywhere in this process: called when it is revoked. */
export function forgetApiKey(db: AuthDb, id: string): void {
  const byHash = trusted.get(db);
  if (!byHash) return;
  for (const [hash, key] of byHash) if (key.id === id) byHash.delete(hash);
}

/** The principal of a presented key, or null when it is malformed, unknown, expired or revoked. */
export async function resolveApiKey(
  db: AuthDb,
  presented: string,
  now: Date,
): Promise<Principal | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const hash = hashApiKey(presented);
  let byHash = trusted.get(db);
  if (!byHash) trusted.set(db, (byHash = new Map()));
  let key = byHash.get(hash);
  if (!key || key.until <= now.getTime()) {
    const row = await db
      .selectFrom('apiKey')
      .select(['id', 'agencyId', 'scopes', 'lastUsedAt', 'expiresAt'])
      .where('secretHash', '=', hash)
      .where('revokedAt', 'is', null)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .executeTakeFirst();
    byHash.delete(hash);
    if (!row) return null;
    key = {
      id: row.id,
      agencyId: row.agencyId,
      scopes: row.scopes,
      lastUsedAt: row.lastUsedAt,
      until: Math.min(now.getTime() + API_KEY_TRUST_MS, row.expiresAt?.getTime() ?? Infinity),
    };
    // Oldest first out: a Map keeps insertion order.
    if (byHash.size >= MAX_TRUSTED) byHash.delete(byHash.keys().next().value!);
    byHash.set(hash, key);
  }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.updateTable('apiKey').set({ lastUsedAt: now }).where('id', '=', key.id).execute();
    key.lastUsedAt = now;
  }
  const permissions = new Set(key.scopes);
  return {
    kind: 'api_key',
    id: key.id,
    type: 'machine',
    agencyId: key.agencyId,
    permissions,
    sessionId: null,
    mfaPassed: false,
    grants: [{ role: 'api_key', agencyId: key.agencyId, permissions }],
  };
}

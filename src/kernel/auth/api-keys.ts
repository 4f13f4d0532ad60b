/**
 * API keys of machine clients (integrations such as the national portal or LGSP). A key is
 * `tsk_<8 characters>_<43 characters>`: the first part is the prefix people see in lists
 * and logs, the whole is the secret, stored only as its SHA-256 — enough for 256 random
 * bits, which no dictionary holds. A key belongs to an agency, and its scopes are
 * permissions within that agency's subtree.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { AuthDb } from './auth-db';
import type { Principal } from './principal';

const PREFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const KEY_PATTERN = /^(tsk_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): { prefix: string; key: string } {
  let id = '';
  for (let i = 0; i < 8; i += 1) id += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const prefix = `tsk_${id}`;
  return { prefix, key: `${prefix}_${randomBytes(32).toString('base64url')}` };
}

/** The principal of a presented key, or null when it is malformed, unknown, expired or revoked. */
export async function resolveApiKey(
  db: AuthDb,
  presented: string,
  now: Date,
): Promise<Principal | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const key = await db
    .selectFrom('apiKey')
    .select(['id', 'agencyId', 'scopes', 'lastUsedAt'])
    .where('secretHash', '=', hashApiKey(presented))
    .where('revokedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
  if (!key) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.updateTable('apiKey').set({ lastUsedAt: now }).where('id', '=', key.id).execute();
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

/**
 * Recovery codes for a lost authenticator: ten single-use codes of 80 random bits, shown
 * once at enrolment. Each is stored as SHA-256 over its own random salt (ASVS 2.6.2: below
 * 112 bits, lookup secrets are salted and hashed), so the table alone yields none of them.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { AuthDb } from './auth-db';

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 letters: no I, L, O or U to misread when typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 4;

export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Upper case, no separators, and the letters people confuse with digits mapped back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === GROUPS * GROUP_LENGTH;
}

function digest(salt: string, code: string): string {
  return createHash('sha256').update(salt).update(normaliseRecoveryCode(code)).digest('hex');
}

/** Replaces the user's codes with ten new ones and returns them in clear, once. */
export async function issueRecoveryCodes(db: AuthDb, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom('authRecoveryCode').where('userId', '=', userId).execute();
  await db
    .insertInto('authRecoveryCode')
    .values(
      codes.map((code) => {
        const salt = randomBytes(16).toString('hex');
        return { userId, salt, codeHash: digest(salt, code), usedAt: null };
      }),
    )
    .execute();
  return codes;
}

/** Marks the matching unused code as used; false when none matches. */
export async function consumeRecoveryCode(
  db: AuthDb,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const unused = await db
    .selectFrom('authRecoveryCode')
    .select(['id', 'salt', 'codeHash'])
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
  let matchId: string | null = null;
  for (const row of unused) {
    const same = timingSafeEqual(Buffer.from(digest(row.salt, code)), Buffer.from(row.codeHash));
    if (same && matchId === null) matchId = row.id;
  }
  if (!matchId) return false;
  // Conditional on used_at, so two concurrent uses of one code cannot both succeed.
  const used = await db
    .updateTable('authRecoveryCode')
    .set({ usedAt: now })
    .where('id', '=', matchId)
    .where('usedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
}

export async function countUnusedRecoveryCodes(db: AuthDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('authRecoveryCode')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

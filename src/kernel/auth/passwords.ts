/**
 * Password hashing with argon2id at OWASP's recommended parameters (19 MiB, 2 passes, one
 * lane). Passwords are normalised to NFKC first: the same Vietnamese word typed on two
 * keyboards (precomposed "ậ" or "a" + two combining marks) must verify the same.
 */
import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';

const ARGON2ID = 2 as Algorithm;

export const PASSWORD_HASH_PARAMS = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), { algorithm: ARGON2ID, ...PASSWORD_HASH_PARAMS });
}

export interface PasswordCheck {
  ok: boolean;
  /** The hash was made with other parameters: store a fresh one now that we know the password. */
  needsRehash: boolean;
}

export async function verifyPassword(stored: string, password: string): Promise<PasswordCheck> {
  let ok: boolean;
  try {
    ok = await verify(stored, normalisePassword(password));
  } catch {
    // Not an argon2 hash at all (a corrupted row): never a match.
    ok = false;
  }
  return { ok, needsRehash: ok && needsRehash(stored) };
}

export function needsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.algorithm !== ARGON2ID ||
      used.memoryCost !== PASSWORD_HASH_PARAMS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_PARAMS.timeCost ||
      used.parallelism !== PASSWORD_HASH_PARAMS.parallelism
    );
  } catch {
    return true;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends the same time as checking a real password, for identifiers that match no account,
 * so the response time does not tell an attacker which accounts exist.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
  await verifyPassword(await primeDummyPassword(), password);
}

/** Computes the dummy hash ahead of the first request, so that one is not slower either. */
export function primeDummyPassword(): Promise<string> {
  dummy ??= hashPassword('tinhso-dummy-password-for-timing');
  return dummy;
}

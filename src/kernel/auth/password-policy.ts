/**
 * What a password must be (ASVS 2.1, NIST SP 800-63B §5.1.1.2): 8 to 128 characters counted
 * as Unicode code points, any characters (spaces and Vietnamese letters included), no
 * composition rules, not one of the most leaked passwords, and not built from the account's
 * own email name or phone number.
 */
import fs from 'node:fs';
import { authErrors } from './auth.errors';
import { normalisePassword } from './passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

let breached: ReadonlySet<string> | null = null;

/** The shipped list of leaked passwords (data/common-passwords.txt), loaded once. */
export function breachedPasswords(): ReadonlySet<string> {
  if (!breached) {
    const text = fs.readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8');
    breached = new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => normalisePassword(line).toLowerCase()),
    );
  }
  return breached;
}

export interface PasswordOwner {
  email?: string | null;
  /** E.164, e.g. `+84912345678`. */
  phone?: string | null;
}

/** Throws the precise error (PASSWORD_TOO_SHORT, …) when the password is not acceptable. */
export function assertAcceptablePassword(password: string, owner: PasswordOwner): void {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw authErrors.PASSWORD_TOO_SHORT({ minLength: PASSWORD_MIN_LENGTH });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw authErrors.PASSWORD_TOO_LONG({ maxLength: PASSWORD_MAX_LENGTH });
  }
  const lower = normalised.toLowerCase();
  if (breachedPasswords().has(lower)) throw authErrors.PASSWORD_BREACHED();
  for (const fragment of identifierFragments(owner)) {
    if (lower.includes(fragment)) throw authErrors.PASSWORD_CONTAINS_IDENTIFIER();
  }
}

/** Pieces of the account's identifiers a password must not contain. */
function identifierFragments(owner: PasswordOwner): string[] {
  const fragments: string[] = [];
  const local = owner.email?.split('@')[0]?.toLowerCase();
  // A one- or two-letter email name would forbid half the alphabet; three is the floor.
  if (local && local.length >= 3) fragments.push(local);
  if (owner.phone) {
    const national = owner.phone.replace(/^\+84/, '');
    fragments.push(national, `0${national}`, owner.phone.slice(1));
  }
  return fragments;
}

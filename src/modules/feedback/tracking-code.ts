/**
 * Tracking codes of reports, e.g. `PA-261121-7KX9Q`: "PA" (phản ánh), the submission day in
 * Vietnam, and five Crockford base-32 characters (no I, L, O, U: nothing to misread when
 * a citizen types it from a receipt or reads it over the phone). The code is public (the
 * public list shows it); what proves authorship is the reporter's secret, not the code.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PATTERN = /^PA-\d{6}-[0-9A-HJKMNP-TV-Z]{5}$/;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** `yyMMdd` of the instant in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving). */
function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(2, 10).replaceAll('-', '');
}

export function newTrackingCode(at: Date, random: (max: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 5; i += 1) suffix += ALPHABET[random(ALPHABET.length)];
  return `PA-${vietnamDay(at)}-${suffix}`;
}

/** Upper-cases and trims what a person typed; null when it cannot be a tracking code. */
export function normaliseTrackingCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return PATTERN.test(code) ? code : null;
}

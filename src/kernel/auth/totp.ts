/**
 * One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), written on node:crypto so the
 * algorithm is visible and tested against the RFC's own vectors. The platform issues
 * SHA-1, 6-digit, 30-second codes — what every authenticator app supports — and accepts
 * one step either side of the current one to absorb clock drift on phones.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32';

export type OtpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;
/** 160 bits, the HMAC-SHA-1 block-size recommendation of RFC 4226 §4. */
const SECRET_BYTES = 20;

/** HOTP value of `counter` (RFC 4226 §5.3, dynamic truncation). */
export function hotp(
  key: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: OtpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac.readUInt8(mac.length - 1) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step containing `at` (RFC 6238 §4.2, T0 = 0). */
export function totpStep(at: Date, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(at.getTime() / 1000 / period);
}

export function totp(
  key: Uint8Array,
  at: Date,
  options: { digits?: number; algorithm?: OtpAlgorithm; period?: number } = {},
): string {
  return hotp(key, totpStep(at, options.period), options.digits, options.algorithm);
}

/**
 * Checks a 6-digit code against the steps around `at`. Returns the matching step, or null.
 * Steps at or before `lastUsedStep` are never accepted, so a code (or an older one seen over
 * a shoulder) cannot be replayed within its window.
 */
export function verifyTotp(
  key: Uint8Array,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(at);
  const given = Buffer.from(code);
  let matched: number | null = null;
  // Every candidate is compared, in constant time, so timing does not tell which one matched.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    const expected = Buffer.from(hotp(key, step));
    if (timingSafeEqual(expected, given) && matched === null) matched = step;
  }
  if (matched === null) return null;
  if (lastUsedStep !== null && matched <= lastUsedStep) return null;
  return matched;
}

export function generateTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** Key URI understood by authenticator apps (Google Authenticator's `otpauth://` format). */
export function otpauthUri(secret: Uint8Array, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

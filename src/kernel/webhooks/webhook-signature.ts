/**
 * The signature of a webhook request, in the `Tinhso-Signature` header:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 *
 * The timestamp is signed with the body, so a captured request cannot be replayed after the
 * receiver's tolerance (5 minutes by default). While a rotated secret's grace period runs,
 * the header carries one `v1` per valid secret and a receiver accepts any of them, so it can
 * switch secrets without missing an event. The HMAC key is the secret string as shown at
 * creation (UTF-8), `whsec_` prefix included.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Tinhso-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function hmac(secret: string, timestamp: number, rawBody: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** The header value signing `rawBody` at `now` with each of `secrets` (current first). */
export function signWebhook(
  secrets: readonly string[],
  rawBody: string | Uint8Array,
  now: Date,
): string {
  if (secrets.length === 0) throw new Error('a webhook needs a secret to be signed');
  const timestamp = Math.floor(now.getTime() / 1000);
  const signatures = secrets.map(
    (secret) => `v1=${hmac(secret, timestamp, rawBody).toString('hex')}`,
  );
  return [`t=${timestamp}`, ...signatures].join(',');
}

/**
 * Whether `header` is a valid signature of `rawBody` (the bytes exactly as received) made
 * with `secret` no more than `toleranceSeconds` away from `now`. Unknown schemes in the
 * header are ignored, so a receiver keeps working when a new one is added beside `v1`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  now: Date = new Date(),
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  if (!header || secret.length === 0) return false;
  let timestamp: number | null = null;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return false;
      timestamp = Number(value);
    } else if (key === 'v1' && HEX_SHA256.test(value)) {
      candidates.push(Buffer.from(value, 'hex'));
    }
  }
  if (timestamp === null || candidates.length === 0) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) return false;
  const expected = hmac(secret, timestamp, rawBody);
  // Every candidate is compared, so the time taken does not tell which one matched.
  let valid = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(candidate, expected)) valid = true;
  }
  return valid;
}

/**
 * Removes personal data and secrets from what is about to be logged: any property whose name
 * is a sensitive field, at any depth, becomes `[redacted]`. It runs on every log line (the
 * access line of every request among them), so it walks the object once, allocates nothing
 * when nothing is sensitive, and copies only the branches it changes; the caller's object is
 * never modified.
 *
 * A name list rather than pino's wildcard paths, which need one wildcard per nesting level
 * and cost ten times the rest of the log line (docs/decisions/0006). Pino still redacts the
 * same names at the top level through `topLevelRedactPaths`, because a child logger's
 * bindings pass through pino's redaction but not through its log formatter.
 */
import pino from 'pino';

export const REDACTED = '[redacted]';

/** Field names that carry personal data or secrets, matched without regard to case. */
export const REDACTED_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  // One-time codes. Not `code` itself: that is the error code every rejection logs.
  'totp',
  'totpCode',
  'otp',
  'recoveryCode',
  'recoveryCodes',
  'secret',
  'token',
  'apiKey',
  'phone',
  'email',
  'citizenId',
  'idNumber',
  'address',
  'fullName',
  'dateOfBirth',
  // Credentials in HTTP headers.
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
] as const;

const SENSITIVE = new Set<string>(REDACTED_FIELDS.map((field) => field.toLowerCase()));
/** Deeper than any log object the platform writes; also what stops a cycle. */
const MAX_DEPTH = 8;

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return value;
  // An error's own fields (an AppError's details, a driver's query parameters) may carry
  // personal data: serialise it as pino would, then redact the result.
  if (value instanceof Error) return redactObject({ ...pino.stdSerializers.err(value) }, depth);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const redacted = redactValue(item, depth + 1);
      if (redacted !== item) {
        copy ??= value.slice();
        copy[i] = redacted;
      }
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  return redactObject(value, depth);
}

function redactObject(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
    const item = object[key];
    const redacted =
      SENSITIVE.has(key.toLowerCase()) && item !== undefined && item !== null
        ? REDACTED
        : redactValue(item, depth + 1);
    if (redacted !== item) {
      copy ??= { ...object };
      copy[key] = redacted;
    }
  }
  return copy ?? object;
}

/** The sensitive names as pino redaction paths, for the top level only (no wildcards). */
export function topLevelRedactPaths(): string[] {
  return REDACTED_FIELDS.flatMap((field) => {
    const lower = field.toLowerCase();
    const names = lower === field ? [field] : [field, lower];
    return names.map((name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`));
  });
}

/** The log object with every sensitive field replaced; the same object when it has none. */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return redactObject(object, 0);
}

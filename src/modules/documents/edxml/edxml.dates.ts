/**
 * Dates on the wire. The axis software writes dates as `yyyy/MM/dd` and timestamps as
 * `yyyy/MM/dd HH:mm:ss` in Vietnam local time without a zone (VPCP's SDK samples, Bkav's
 * `DateUtils`); some systems send `dd/MM/yyyy` (a Tây Ninh sample) or ISO 8601. We write the
 * axis form and read all of these; `MM/dd/yyyy` is never guessed, since it cannot be told
 * apart from `dd/MM/yyyy`.
 */
import type { LocalDate } from './edxml.types';

/** Vietnam has used UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function toLocalDate(y: number, m: number, d: number): LocalDate | undefined {
  return isCalendarDate(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : undefined;
}

/** Reads `yyyy/MM/dd`, `yyyy-MM-dd` or `dd/MM/yyyy`; undefined when it is none of them or no real day. */
export function parseLocalDate(text: string): LocalDate | undefined {
  let m = /^(\d{4})[/-](\d{2})[/-](\d{2})$/.exec(text);
  if (m) return toLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (m) return toLocalDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    parseLocalDate(value) === value
  );
}

/** `2025-03-14` → `2025/03/14`. */
export function formatLocalDate(date: LocalDate): string {
  return date.replace(/-/g, '/');
}

/**
 * Reads a timestamp: `yyyy/MM/dd HH:mm:ss`, `yyyy-MM-dd HH:mm:ss`, `dd/MM/yyyy HH:mm:ss`
 * (all Vietnam time), or ISO 8601 with `T`, optional fraction and optional zone (no zone means
 * Vietnam time too).
 */
export function parseTimestamp(text: string): Date | undefined {
  const iso =
    /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/.exec(
      text,
    );
  if (iso) {
    const fractionMs = iso[7] ? Number(`0.${iso[7]}`) * 1000 : 0;
    return build([iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]].map(Number), iso[8], fractionMs);
  }
  const dayFirst = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (dayFirst) {
    const [, d, mo, y, h, mi, s] = dayFirst;
    return build([y, mo, d, h, mi, s].map(Number), undefined, 0);
  }
  return undefined;
}

function build(parts: number[], zone: string | undefined, fractionMs: number): Date | undefined {
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMs = VIETNAM_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (zh > 23 || zm > 59) return undefined;
    offsetMs = sign * (zh * 60 + zm) * 60_000;
  }
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMs + Math.floor(fractionMs));
}

/** Vietnam local time, `yyyy/MM/dd HH:mm:ss`; milliseconds are dropped (the wire has none). */
export function formatTimestamp(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return (
    `${pad(local.getUTCFullYear(), 4)}/${pad(local.getUTCMonth() + 1)}/${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  );
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

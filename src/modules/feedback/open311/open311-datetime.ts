/**
 * Datetimes on the Open311 wire: the W3C profile of ISO 8601 (www.w3.org/TR/NOTE-datetime)
 * that GeoReport v2 requires, always with a time zone designator. Out, every instant is
 * written on Vietnam's wall clock with its offset (`2026-11-21T14:05:00+07:00`), to the
 * second. In, the date query parameters accept every W3C form:
 *
 *   YYYY · YYYY-MM · YYYY-MM-DD · YYYY-MM-DDThh:mmTZD · …:ssTZD · …:ss.sTZD   (TZD = Z | ±hh:mm)
 *
 * Each form names a period (a year, a day, a second…): a lower bound starts where the period
 * starts and an upper bound ends where it ends, so `end_date=2026-11-21` includes that whole
 * day and `end_date=2026-11-21T10:00:00+07:00` includes the record we wrote as that second.
 * The forms without a time have no zone designator; they are read on Vietnam's calendar.
 */
import { MS_PER_DAY, zonedClock } from '../../../kernel/calendar/zoned-time';
import { open311Errors } from './open311-errors';

export const OPEN311_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "may not span more than 90 days", and the default window of GET requests. */
export const OPEN311_MAX_SPAN_DAYS = 90;

/** `2026-11-21T14:05:00+07:00`: the instant on the zone's wall clock, to the second. */
export function formatOpen311Datetime(at: Date, timeZone: string = OPEN311_TIME_ZONE): string {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatOpen311Datetime: invalid Date');
  return zonedClock(timeZone).formatIso(ms);
}

export type W3cPrecision = 'year' | 'month' | 'day' | 'minute' | 'second' | 'fraction';

/** The period a W3C datetime names: from `start` (included) to `end` (excluded). */
export interface W3cPeriod {
  start: Date;
  end: Date;
  precision: W3cPrecision;
}

const W3C_PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+\- ]\d{2}:\d{2}))?)?)?$/;

/**
 * Reads a W3C datetime; null when the text is not one, or names a day or time that does not
 * exist (2026-02-30, 24:00, an offset past ±23:59). A space where the offset's sign should
 * be is read as `+`: it is what an unencoded `+07:00` becomes in a query string.
 */
export function parseW3cDatetime(
  text: string,
  timeZone: string = OPEN311_TIME_ZONE,
): W3cPeriod | null {
  const match = W3C_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, tzd] = match;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;

  if (h === undefined) {
    const clock = zonedClock(timeZone);
    const precision: W3cPrecision = mo === undefined ? 'year' : d === undefined ? 'month' : 'day';
    const first = epochDay(year, month, day);
    const next =
      precision === 'year'
        ? epochDay(year + 1, 1, 1)
        : precision === 'month'
          ? epochDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)
          : first + 1;
    return {
      start: new Date(clock.toInstant(first, 0)),
      end: new Date(clock.toInstant(next, 0)),
      precision,
    };
  }

  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMs = zoneOffsetMs(tzd!);
  if (offsetMs === null) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall =
    epochDay(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  const start = wall - offsetMs;
  const precision: W3cPrecision =
    fraction !== undefined ? 'fraction' : s !== undefined ? 'second' : 'minute';
  const length =
    precision === 'minute'
      ? 60_000
      : precision === 'second'
        ? 1000
        : fraction!.length >= 3
          ? 1
          : 10 ** (3 - fraction!.length);
  return { start: new Date(start), end: new Date(start + length), precision };
}

function zoneOffsetMs(tzd: string): number | null {
  if (tzd === 'Z') return 0;
  const sign = tzd[0] === '-' ? -1 : 1;
  const hours = Number(tzd.slice(1, 3));
  const minutes = Number(tzd.slice(4, 6));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (years 0–99 included, unlike Date.UTC). */
function epochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

// ─── Query parameters of GET requests and GET servicerequestupdates ──────────────────────────

export type Open311DateParameter = 'start_date' | 'end_date' | 'updated_after' | 'updated_before';

export type Open311DateQuery = Partial<Record<Open311DateParameter, string | null | undefined>>;

/** A window on a timestamp column: `column >= from AND column < before`, each bound optional. */
export interface Open311TimeRange {
  from?: Date;
  before?: Date;
}

export interface Open311DateFilter {
  /** On requested_datetime (the report's submission), from start_date and end_date. */
  requested: Open311TimeRange;
  /** On updated_datetime, from the updated_after and updated_before extension parameters. */
  updated: Open311TimeRange;
}

export interface Open311DateOptions {
  now: Date;
  timeZone?: string;
}

/**
 * The time windows a GET requests (or servicerequestupdates) query asks for. An empty
 * parameter counts as absent ("Optional Arguments"). Rules:
 * - start_date/end_date may not span more than 90 days; when only one is given the other is
 *   90 days away from it, and when no date parameter at all is given the window is the most
 *   recent 90 days (the spec's default).
 * - updated_after/updated_before filter on the last change and have no span limit, so a
 *   client can ask for everything changed since its last visit.
 * - A bound that is not a W3C datetime → OPEN311_DATE_INVALID; an upper bound not after its
 *   lower bound, or a span over 90 days → OPEN311_DATE_RANGE_INVALID (both 400).
 */
export function parseOpen311DateFilter(
  query: Open311DateQuery,
  { now, timeZone = OPEN311_TIME_ZONE }: Open311DateOptions,
): Open311DateFilter {
  const read = (parameter: Open311DateParameter): W3cPeriod | undefined => {
    const raw = query[parameter];
    if (raw === undefined || raw === null || raw.trim() === '') return undefined;
    const period = parseW3cDatetime(raw, timeZone);
    if (!period) throw open311Errors.OPEN311_DATE_INVALID({ parameter, value: raw });
    return period;
  };
  const start = read('start_date');
  const end = read('end_date');
  const after = read('updated_after');
  const before = read('updated_before');

  const span = OPEN311_MAX_SPAN_DAYS * MS_PER_DAY;
  const requested: Open311TimeRange = {};
  if (start && end) {
    requested.from = start.start;
    requested.before = end.end;
    checkOrder(requested, ['start_date', 'end_date']);
    if (end.end.getTime() - start.start.getTime() > span) {
      throw open311Errors.OPEN311_DATE_RANGE_INVALID({
        parameters: ['start_date', 'end_date'],
        problem: 'too_long',
      });
    }
  } else if (start) {
    requested.from = start.start;
    requested.before = new Date(start.start.getTime() + span);
  } else if (end) {
    requested.before = end.end;
    requested.from = new Date(end.end.getTime() - span);
  } else if (!after && !before) {
    requested.from = new Date(now.getTime() - span);
  }

  const updated: Open311TimeRange = {};
  if (after) updated.from = after.start;
  if (before) updated.before = before.end;
  if (after && before) checkOrder(updated, ['updated_after', 'updated_before']);
  return { requested, updated };
}

function checkOrder(range: Open311TimeRange, parameters: [string, string]): void {
  if (range.before!.getTime() <= range.from!.getTime()) {
    throw open311Errors.OPEN311_DATE_RANGE_INVALID({ parameters, problem: 'reversed' });
  }
}

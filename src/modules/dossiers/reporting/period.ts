/**
 * The periods the service-quality index is reported for: a month (`2026-10`), a quarter
 * (`2026-Q3`) or a year (`2026`). A period runs from midnight of its first day to midnight
 * after its last day on the province's wall clock (Asia/Ho_Chi_Minh), not in UTC: a dossier
 * finished at 2026-10-31T17:30Z is finished on 1 November in Vietnam, and counts there.
 */
import { zonedClock } from '../../../kernel/calendar';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface ReportPeriod {
  /** `2026-10`, `2026-Q3` or `2026`. */
  key: string;
  kind: PeriodKind;
  year: number;
  /** 1–12: the period's first month. */
  firstMonth: number;
  /** 1, 3 or 12. */
  months: number;
  /** The first instant of the period. */
  from: Date;
  /** The first instant after it. */
  to: Date;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
/** Dossiers older than the platform's national formats do not exist; later years are typos. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const MS_PER_DAY = 86_400_000;

/** The period a key names, or null when the key is not one (`2026-13`, `2026-Q5`, `26`). */
export function parsePeriod(key: string, timeZone: string): ReportPeriod | null {
  const text = key.trim().toUpperCase();
  let match = MONTH.exec(text);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return build(Number(match[1]), month, 1, 'month', timeZone);
  }
  match = QUARTER.exec(text);
  if (match) return build(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 3, 'quarter', timeZone);
  match = YEAR.exec(text);
  if (match) return build(Number(match[1]), 1, 12, 'year', timeZone);
  return null;
}

/** The month (in the province's time zone) that contains `at`. */
export function monthAt(at: Date, timeZone: string): ReportPeriod {
  const wall = zonedClock(timeZone).toWall(at.getTime());
  const date = new Date(wall.epochDay * MS_PER_DAY);
  return build(date.getUTCFullYear(), date.getUTCMonth() + 1, 1, 'month', timeZone)!;
}

/** The period's last month. */
export function lastMonthOf(period: ReportPeriod, timeZone: string): ReportPeriod {
  return build(period.year, period.firstMonth + period.months - 1, 1, 'month', timeZone)!;
}

/** `count` months ending with `last`, oldest first. */
export function monthsEndingWith(
  last: ReportPeriod,
  count: number,
  timeZone: string,
): ReportPeriod[] {
  const months: ReportPeriod[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = last.year * 12 + (last.firstMonth - 1) - back;
    months.push(build(Math.floor(index / 12), (index % 12) + 1, 1, 'month', timeZone)!);
  }
  return months;
}

function build(
  year: number,
  firstMonth: number,
  months: number,
  kind: PeriodKind,
  timeZone: string,
): ReportPeriod | null {
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const clock = zonedClock(timeZone);
  const midnight = (y: number, m: number) =>
    new Date(clock.toInstant(Math.floor(Date.UTC(y, m - 1, 1) / MS_PER_DAY), 0));
  const key =
    kind === 'month'
      ? `${year}-${String(firstMonth).padStart(2, '0')}`
      : kind === 'quarter'
        ? `${year}-Q${(firstMonth - 1) / 3 + 1}`
        : String(year);
  return {
    key,
    kind,
    year,
    firstMonth,
    months,
    from: midnight(year, firstMonth),
    // Date.UTC rolls month 13 over into January of the next year.
    to: midnight(year, firstMonth + months),
  };
}

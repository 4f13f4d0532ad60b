/**
 * The working-day calendar as a pure value: built once from the years it covers, the
 * exceptions decided by the province, the working hours and the time zone, then asked
 * many times (dossier deadlines, report answer times) without touching the database.
 *
 * Whether a date is a working day, most specific first:
 * 1. an exception row for the date decides (a make-up Saturday works, a bridging day rests);
 * 2. a statutory holiday or its in-lieu day is off;
 * 3. Saturday and Sunday are off;
 * 4. any other day is a working day.
 */
import { calendarErrors } from './calendar.errors';
import { publicHolidays, type DayOff, type NamedDay, type NationalDayAdjacent } from './holidays';
import {
  epochDayFromParts,
  epochDayOf,
  isWeekend,
  localDateOf,
  yearOfEpochDay,
  type LocalDate,
} from './local-date';
import { MS_PER_MINUTE, ZonedClock } from './zoned-time';
import { parseWorkingHours, workingDayLengthMs, type WorkingPeriod } from './working-hours';

export type CalendarExceptionKind = 'day_off' | 'working_day';

/** A decision of the province for one date (see the calendar_exception table). */
export interface CalendarExceptionDay extends NamedDay {
  kind: CalendarExceptionKind;
}

export interface WorkingCalendarOptions {
  /** Gregorian years the calendar answers for, inclusive. */
  years: { from: number; to: number };
  exceptions?: readonly CalendarExceptionDay[];
  /** Daily working periods, e.g. "07:00-11:30,13:30-17:00" (the default). */
  workingHours?: string | readonly WorkingPeriod[];
  /** IANA time zone of the working hours; Asia/Ho_Chi_Minh by default. */
  timezone?: string;
  /** Which day joins 2 September (Labour Code art. 112(1)(đ)); the day after by default. */
  nationalDayAdjacent?: NationalDayAdjacent;
}

/** A time span during which the clock stops, e.g. a dossier waiting for the citizen. */
export interface PausedInterval {
  start: Date;
  end: Date;
}

export type DayStatusReason =
  'weekday' | 'weekend' | 'statutory' | 'in_lieu' | 'exception_day_off' | 'exception_working_day';

export interface DayStatus {
  date: LocalDate;
  working: boolean;
  reason: DayStatusReason;
  /** Name of the holiday or decision, when there is one. */
  name?: string;
  nameEn?: string;
}

/** A legal working day is 8 hours (Labour Code 2019, art. 105). */
export const LEGAL_WORKING_DAY_MS = 8 * 60 * 60 * 1000;
export const DEFAULT_WORKING_HOURS = '07:00-11:30,13:30-17:00';
export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** Expresses working time in working days of 8 hours (1.5 = one day and a half). */
export function toWorkingDays(workingMs: number): number {
  return workingMs / LEGAL_WORKING_DAY_MS;
}

export class WorkingCalendar {
  readonly timezone: string;
  readonly periods: readonly WorkingPeriod[];
  readonly years: Readonly<{ from: number; to: number }>;
  /** Working milliseconds of a full working day under these hours. */
  readonly workingDayMs: number;
  private readonly zone: ZonedClock;
  private readonly firstDay: number;
  private readonly lastDay: number;
  private readonly nationalDayAdjacent: NationalDayAdjacent;
  /** Statutory and in-lieu days by epoch day, for the years computed so far. */
  private readonly holidays = new Map<number, DayOff>();
  /** Holidays are computed for a year when it is first asked about; most calls need one or two. */
  private readonly computedYears = new Set<number>();
  private readonly exceptions = new Map<number, CalendarExceptionDay>();
  /** First and last epoch day of the year whose holidays were last looked at. */
  private lastYearSpan: [number, number] = [1, 0];

  constructor(options: WorkingCalendarOptions) {
    const { from, to } = options.years;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
      throw new RangeError(`invalid calendar years ${from}–${to}`);
    }
    this.years = Object.freeze({ from, to });
    this.timezone = options.timezone ?? DEFAULT_TIMEZONE;
    this.zone = zonedClock(this.timezone);
    const hours = options.workingHours ?? DEFAULT_WORKING_HOURS;
    this.periods = Object.freeze(typeof hours === 'string' ? parseWorkingHours(hours) : [...hours]);
    if (this.periods.length === 0) throw new RangeError('at least one working period is needed');
    this.workingDayMs = workingDayLengthMs(this.periods);
    this.firstDay = epochDayFromParts(from, 1, 1);
    this.lastDay = epochDayFromParts(to, 12, 31);
    this.nationalDayAdjacent = options.nationalDayAdjacent ?? 'after';
    for (const exception of options.exceptions ?? []) {
      this.exceptions.set(epochDayOf(exception.date), exception);
    }
  }

  isWorkingDay(date: LocalDate): boolean {
    const day = epochDayOf(date);
    this.checkDay(day);
    return this.isWorkingEpochDay(day);
  }

  /**
   * Whether the date is worked, and why. With `ignoreExceptions`, what the law and the
   * weekend alone say (to check that a new decision changes something).
   */
  dayStatus(date: LocalDate, options: { ignoreExceptions?: boolean } = {}): DayStatus {
    const day = epochDayOf(date);
    this.checkDay(day);
    const exception = options.ignoreExceptions ? undefined : this.exceptions.get(day);
    if (exception) {
      return {
        date,
        working: exception.kind === 'working_day',
        reason: exception.kind === 'working_day' ? 'exception_working_day' : 'exception_day_off',
        name: exception.name,
        nameEn: exception.nameEn,
      };
    }
    const holiday = this.holidayOn(day);
    if (holiday) {
      return {
        date,
        working: false,
        reason: holiday.kind === 'in_lieu' ? 'in_lieu' : 'statutory',
        name: holiday.name,
        nameEn: holiday.nameEn,
      };
    }
    return isWeekend(day)
      ? { date, working: false, reason: 'weekend' }
      : { date, working: true, reason: 'weekday' };
  }

  /**
   * The days off of a year that are not ordinary weekends (holidays, in-lieu days, decided
   * days off), and the decided working days that would otherwise be off (make-up Saturdays).
   * A holiday overridden by a working-day decision is listed among the working days only.
   */
  yearOverview(year: number): { daysOff: DayOff[]; workingDays: NamedDay[] } {
    const first = epochDayFromParts(year, 1, 1);
    const last = epochDayFromParts(year, 12, 31);
    this.checkDay(first);
    this.checkDay(last);
    const daysOff: DayOff[] = [];
    const workingDays: NamedDay[] = [];
    for (let day = first; day <= last; day += 1) {
      const exception = this.exceptions.get(day);
      const holiday = this.holidayOn(day);
      if (exception?.kind === 'working_day') {
        const { date, name, nameEn } = exception;
        workingDays.push({ date, name, nameEn });
      } else if (holiday) {
        daysOff.push(holiday);
      } else if (exception) {
        const { date, name, nameEn } = exception;
        daysOff.push({ date, name, nameEn, kind: 'exception' });
      }
    }
    return { daysOff, workingDays };
  }

  /**
   * The deadline of a procedure counted in working days (dossiers).
   *
   * Rule: the day of receipt is working day 1 when the submission arrives on a working day
   * before the end of its working hours (17:00 by default, exclusive); a submission that
   * arrives at or after that time, or on a day off, counts from the next working day, which
   * is then day 1. The deadline is the end of the working hours (17:00) of day n.
   * Example: received Friday 13 February 2026 at 10:00 with 3 working days: day 1 is that
   * Friday, the weekend and the Tết break (16–20 February) and the next weekend are
   * skipped, day 2 is Monday 23 and the deadline is Tuesday 24 February 2026 at 17:00.
   */
  addWorkingDays(instant: Date, workingDays: number): Date {
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      throw new RangeError(`working days must be a whole number ≥ 1 (got ${workingDays})`);
    }
    const endOfDay = this.periods[this.periods.length - 1]!.end * MS_PER_MINUTE;
    const received = this.zone.toWall(instant.getTime());
    this.checkDay(received.epochDay);
    let day = received.epochDay;
    if (!this.isWorkingEpochDay(day) || received.msOfDay >= endOfDay) {
      day = this.nextWorkingDay(day);
    }
    for (let counted = 1; counted < workingDays; counted += 1) day = this.nextWorkingDay(day);
    return new Date(this.zone.toInstant(day, endOfDay));
  }

  /**
   * The instant at which `hours` of working time have elapsed since `instant`, counting only
   * the working periods of working days (citizen reports). Hours are taken to the minute.
   * Work ending exactly when a period ends lands on that end (11:30), not on the next start.
   */
  addWorkingHours(instant: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`working hours must be ≥ 0 (got ${hours})`);
    }
    const start = instant.getTime();
    let remaining = Math.round(hours * 60) * MS_PER_MINUTE;
    if (remaining === 0) return new Date(start);
    let day = this.zone.toWall(start).epochDay;
    for (;;) {
      this.checkDay(day);
      if (this.isWorkingEpochDay(day)) {
        for (const [periodStart, periodEnd] of this.periodInstants(day)) {
          if (periodEnd <= start) continue;
          const from = Math.max(periodStart, start);
          const available = periodEnd - from;
          if (remaining <= available) return new Date(from + remaining);
          remaining -= available;
        }
      }
      day += 1;
    }
  }

  /**
   * Working milliseconds between two instants, leaving out the paused intervals (which may
   * overlap each other and stick out of the range). Use `toWorkingDays` to express the
   * result in working days.
   */
  workingTimeBetween(
    start: Date,
    end: Date,
    pausedIntervals: readonly PausedInterval[] = [],
  ): number {
    const from = start.getTime();
    const to = end.getTime();
    if (to < from) throw calendarErrors.CALENDAR_INVALID_PERIOD({ from: start, to: end });
    const paused = mergeIntervals(pausedIntervals, from, to);
    const firstDay = this.zone.toWall(from).epochDay;
    const lastDay = this.zone.toWall(to).epochDay;
    this.checkDay(firstDay);
    this.checkDay(lastDay);
    let total = 0;
    let next = 0; // first paused interval that may still overlap what comes
    for (let day = firstDay; day <= lastDay; day += 1) {
      if (!this.isWorkingEpochDay(day)) continue;
      for (const [periodStart, periodEnd] of this.periodInstants(day)) {
        const a = Math.max(periodStart, from);
        const b = Math.min(periodEnd, to);
        if (a >= b) continue;
        total += b - a;
        while (next < paused.length && paused[next]![1] <= a) next += 1;
        for (let i = next; i < paused.length && paused[i]![0] < b; i += 1) {
          total -= Math.min(b, paused[i]![1]) - Math.max(a, paused[i]![0]);
        }
      }
    }
    return total;
  }

  /** Working time expressed in working days of 8 hours. */
  toWorkingDays(workingMs: number): number {
    return toWorkingDays(workingMs);
  }

  /**
   * The end of the working hours (17:00 by default) of a local date: the instant a deadline
   * that falls on that day expires.
   */
  closeOfDay(date: LocalDate): Date {
    const day = epochDayOf(date);
    this.checkDay(day);
    return new Date(
      this.zone.toInstant(day, this.periods[this.periods.length - 1]!.end * MS_PER_MINUTE),
    );
  }

  /** The local calendar date of an instant in the calendar's time zone. */
  localDate(instant: Date): LocalDate {
    return localDateOf(this.zone.toWall(instant.getTime()).epochDay);
  }

  /** An instant as local ISO 8601 text with offset, e.g. 2026-02-24T17:00:00+07:00. */
  formatLocal(instant: Date): string {
    return this.zone.formatIso(instant.getTime());
  }

  private isWorkingEpochDay(day: number): boolean {
    const exception = this.exceptions.get(day);
    if (exception) return exception.kind === 'working_day';
    if (this.holidayOn(day)) return false;
    return !isWeekend(day);
  }

  private holidayOn(day: number): DayOff | undefined {
    // Walks over consecutive days stay in one year: skip the year lookup for them.
    if (day < this.lastYearSpan[0] || day > this.lastYearSpan[1]) {
      const year = yearOfEpochDay(day);
      if (!this.computedYears.has(year)) {
        for (const holiday of publicHolidays(year, this.nationalDayAdjacent)) {
          this.holidays.set(epochDayOf(holiday.date), holiday);
        }
        this.computedYears.add(year);
      }
      this.lastYearSpan = [epochDayFromParts(year, 1, 1), epochDayFromParts(year, 12, 31)];
    }
    return this.holidays.get(day);
  }

  private nextWorkingDay(day: number): number {
    let next = day + 1;
    for (;;) {
      this.checkDay(next);
      if (this.isWorkingEpochDay(next)) return next;
      next += 1;
    }
  }

  private periodInstants(day: number): Array<[number, number]> {
    return this.periods.map((p) => [
      this.zone.toInstant(day, p.start * MS_PER_MINUTE),
      this.zone.toInstant(day, p.end * MS_PER_MINUTE),
    ]);
  }

  private checkDay(day: number): void {
    if (day < this.firstDay || day > this.lastDay) {
      throw calendarErrors.CALENDAR_OUT_OF_RANGE({
        date: localDateOf(day),
        years: { from: this.years.from, to: this.years.to },
      });
    }
  }
}

/** One clock per time zone for the process, so its remembered offsets outlive reloads. */
const zones = new Map<string, ZonedClock>();
function zonedClock(timezone: string): ZonedClock {
  let zone = zones.get(timezone);
  if (!zone) {
    zone = new ZonedClock(timezone);
    zones.set(timezone, zone);
  }
  return zone;
}

/** Clips the intervals to [from, to], sorts and merges them into disjoint [start, end) pairs. */
function mergeIntervals(
  intervals: readonly PausedInterval[],
  from: number,
  to: number,
): Array<[number, number]> {
  const clipped = intervals
    .map((i): [number, number] => [
      Math.max(i.start.getTime(), from),
      Math.min(i.end.getTime(), to),
    ])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of clipped) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * The daily working periods of public offices, e.g. "07:00-11:30,13:30-17:00": the
 * `workingHours` setting. The last period's end is the end of the working day, the moment
 * after which a submission counts from the next working day.
 */
import { MS_PER_MINUTE } from './zoned-time';

/** Minutes since local midnight; `end` is exclusive. */
export interface WorkingPeriod {
  start: number;
  end: number;
}

const PERIOD = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Parses and checks the setting; throws an Error naming what is wrong. */
export function parseWorkingHours(text: string): WorkingPeriod[] {
  const periods = text.split(',').map((part) => {
    const match = PERIOD.exec(part.trim());
    if (!match) throw new Error(`working hours "${part}" must look like 07:00-11:30`);
    const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
    if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) {
      throw new Error(`working hours "${part}" is not a time of day`);
    }
    return { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  });
  let previousEnd = 0;
  for (const period of periods) {
    if (period.end > 24 * 60 || period.start >= period.end) {
      throw new Error(`working hours ${format(period)} must end after they start, by 24:00`);
    }
    if (period.start < previousEnd) {
      throw new Error(`working hours ${format(period)} overlap or are out of order`);
    }
    previousEnd = period.end;
  }
  return periods;
}

/** Working milliseconds in one full working day (8 h by default). */
export function workingDayLengthMs(periods: readonly WorkingPeriod[]): number {
  return periods.reduce((sum, p) => sum + (p.end - p.start) * MS_PER_MINUTE, 0);
}

function format(period: WorkingPeriod): string {
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${hhmm(period.start)}-${hhmm(period.end)}`;
}

/**
 * Dates and times as the forms write them, on the wall clock of Vietnam (or of the time zone a
 * province runs in): `08 giờ 30 phút, ngày 02 tháng 3 năm 2026`. Instants are stored in UTC;
 * a slip printed by a server in any zone must show the desk's time. Decree 30/2020 Appendix I
 * writes days below 10 and the months 1 and 2 with a leading zero (`tháng 02`, `tháng 3`), so
 * nobody can add a digit in front of a 1 or a 2 on the printed page; hours and minutes are
 * written with two digits as the forms' blanks show them.
 */
import { DEFAULT_TIMEZONE, zonedClock } from '../../../kernel/calendar';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading of an instant in a time zone (IANA name). */
export function wallClock(at: Date, timeZone: string = DEFAULT_TIMEZONE): WallClock {
  const instant = at.getTime();
  if (!Number.isFinite(instant)) throw new RangeError('not a valid date');
  const { epochDay, msOfDay } = zonedClock(timeZone).toWall(instant);
  const date = new Date(epochDay * MS_PER_DAY);
  const minutes = Math.floor(msOfDay / MS_PER_MINUTE);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `ngày 02 tháng 3 năm 2026`. */
export function vietnameseDate(at: Date, timeZone?: string): string {
  const { year, month, day } = wallClock(at, timeZone);
  return `ngày ${two(day)} tháng ${month <= 2 ? two(month) : month} năm ${year}`;
}

/** `08 giờ 30 phút, ngày 02 tháng 3 năm 2026`. */
export function vietnameseDateTime(at: Date, timeZone?: string): string {
  const { hour, minute } = wallClock(at, timeZone);
  return `${two(hour)} giờ ${two(minute)} phút, ${vietnameseDate(at, timeZone)}`;
}

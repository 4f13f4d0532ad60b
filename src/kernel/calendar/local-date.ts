/**
 * Calendar dates without a time of day ('YYYY-MM-DD', the form the database returns for
 * `date` columns). Arithmetic runs on epoch days (days since 1970-01-01), which are plain
 * integers, so no time zone or daylight-saving rule can shift a date by accident.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar date ('2026-02-30' is not). */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

export function epochDayOf(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date: "${date}"`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return epochDayFromParts(year, month, day);
}

export function epochDayFromParts(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function localDateOf(epochDay: number): LocalDate {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(epochDay: number): boolean {
  return isoWeekday(epochDay) >= 6;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(epochDayOf(date) + days);
}

/**
 * Calendar dates as forms hold them: `YYYY-MM-DD`, no time and no zone. "Today" is not read
 * from a clock here: the caller passes the date in the province's time zone, so the browser (in
 * whatever zone its computer is set to) and the server agree on what today is.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists in the Gregorian calendar (2024-02-29, not 2023-02-29). */
export function isCalendarDate(text: string): boolean {
  const parts = DATE.exec(text);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A date bound is a date or the word `today`. */
export function isDateBound(bound: unknown): bound is string {
  return typeof bound === 'string' && (bound === 'today' || isCalendarDate(bound));
}

/** The date a bound stands for; `today` needs the caller's date. */
export function resolveDateBound(bound: string, today: string | undefined): string {
  if (bound !== 'today') return bound;
  if (today === undefined) {
    throw new Error('This form bounds a date by `today`: pass options.today (YYYY-MM-DD)');
  }
  return today;
}

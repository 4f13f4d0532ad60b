/**
 * The working-day calendar of the platform: Vietnamese lunar dates, public holidays
 * (Labour Code 2019 art. 112, with in-lieu days), the province's yearly exceptions, and
 * deadline and elapsed-time computations in working days and working hours.
 *
 * Tables owned: calendar_exception. Events: none published or consumed.
 *
 * Typical use by a module:
 *   const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
 *   const dueAt = calendar.addWorkingDays(receivedAt, procedure.workingDays);
 *   const spent = calendar.workingTimeBetween(receivedAt, now, pauses);
 */
export { calendarManifest } from './calendar.manifest';
export { calendarErrors } from './calendar.errors';
export type { CalendarTables, CalendarExceptionTable } from './calendar.tables';
export {
  CALENDAR_YEARS,
  invalidateWorkingCalendar,
  loadWorkingCalendar,
  type CalendarSettings,
} from './calendar-loader';
export {
  DEFAULT_TIMEZONE,
  DEFAULT_WORKING_HOURS,
  LEGAL_WORKING_DAY_MS,
  WorkingCalendar,
  toWorkingDays,
  type CalendarExceptionDay,
  type CalendarExceptionKind,
  type DayStatus,
  type DayStatusReason,
  type PausedInterval,
  type WorkingCalendarOptions,
} from './working-calendar';
export {
  inLieuDays,
  publicHolidays,
  statutoryHolidays,
  type DayOff,
  type DayOffKind,
  type NamedDay,
  type NationalDayAdjacent,
} from './holidays';
export {
  FIRST_LUNAR_YEAR,
  LAST_LUNAR_YEAR,
  fromLunar,
  lunarMonthLength,
  lunarNewYear,
  toLunar,
  type LunarDate,
} from './lunar';
export { addDays, isLocalDate, isoWeekday, type LocalDate } from './local-date';
export { parseWorkingHours, type WorkingPeriod } from './working-hours';
export { localDateIn, zonedClock } from './zoned-time';

/**
 * Dates, times and numbers as people in Quảng Ninh read them. Times are stored in UTC and
 * always shown on the clock of Asia/Ho_Chi_Minh, whatever the device's own time zone.
 */
import type { Locale } from './translate';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const tag = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}

export function formatTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale)).format(value);
}

/** "09:00" for hour 9: hours of the day on the 24-hour clock used in Vietnam. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

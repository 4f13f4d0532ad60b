/**
 * A calendar date ('YYYY-MM-DD', no time of day) in words. It names a day, not an instant,
 * so it is formatted in UTC where the string's midnight lies, never shifted by a zone.
 */
import type { Locale } from '../../shared/i18n/translate';

const tag = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

export function formatCalendarDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The instant a day starts or ends on the province's clock (UTC+7 all year, no DST). */
export function provinceDayBound(date: string, edge: 'start' | 'end'): string {
  return edge === 'start' ? `${date}T00:00:00+07:00` : `${date}T23:59:59.999+07:00`;
}

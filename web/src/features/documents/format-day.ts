/**
 * A calendar day ('YYYY-MM-DD') as registers write it: 22/11/2026 in Vietnamese, 22 Nov 2026
 * in English. It names a day, not an instant, so it is formatted in UTC and never shifted.
 */
import type { Locale } from '../../shared/i18n/translate';

export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'UTC',
    day: '2-digit',
    month: locale === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A share from 0 to 1 as a whole percentage ("87 %"), or a dash when there is nothing to measure. */
import type { Locale } from '../shared/i18n/translate';

export function formatShare(share: number | null, locale: Locale): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/**
 * How the catalog's numbers read: money in đồng as people write it on a price tag
 * ("100.000 đ", "100,000 VND"), processing times in the unit the law sets ("1 ngày làm việc",
 * "15 ngày", "8 giờ làm việc" — working days and calendar days are not the same promise), and
 * the dates of legal documents as they are cited (dd/MM/yyyy).
 */
import { formatNumber } from '../../shared/i18n/format';
import type { Locale, MessageKey, MessageParams } from '../../shared/i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export type TimeUnit = 'NGAY_LAM_VIEC' | 'NGAY' | 'GIO_LAM_VIEC';

/** An amount of đồng; the unit after the number, as Vietnamese and English readers expect. */
export function formatVnd(amount: number, locale: Locale): string {
  const number = formatNumber(amount, locale);
  return locale === 'vi' ? `${number} đ` : `${number} VND`;
}

/** One line of a fee schedule: 0 means the law exempts it. */
export function feeAmountText(amount: number, locale: Locale, t: Translate): string {
  return amount === 0 ? t('procedures.fee.free') : formatVnd(amount, locale);
}

/**
 * What a procedure costs, from the smallest and largest line of its schedule. The lines are
 * often alternatives (on time or late, per copy), so they are quoted as a range, not a sum.
 */
export function feeRangeText(
  range: { feeMin: number; feeMax: number },
  locale: Locale,
  t: Translate,
): string {
  const { feeMin, feeMax } = range;
  if (feeMax <= 0) return t('procedures.fee.free');
  if (feeMin === feeMax) return formatVnd(feeMax, locale);
  if (feeMin <= 0) return t('procedures.fee.freeOrUpTo', { max: formatVnd(feeMax, locale) });
  return t('procedures.fee.range', {
    min: formatNumber(feeMin, locale),
    max: formatVnd(feeMax, locale),
  });
}

/** English counts one day and two days; Vietnamese does not inflect. */
const TIME_KEYS: Record<TimeUnit, { one: MessageKey; many: MessageKey }> = {
  NGAY_LAM_VIEC: { one: 'procedures.time.workingDay', many: 'procedures.time.workingDays' },
  NGAY: { one: 'procedures.time.day', many: 'procedures.time.days' },
  GIO_LAM_VIEC: { one: 'procedures.time.workingHour', many: 'procedures.time.workingHours' },
};

export function processingTimeText(
  time: { amount: number; unit: TimeUnit } | null,
  locale: Locale,
  t: Translate,
): string {
  if (!time) return t('procedures.time.unknown');
  const keys = TIME_KEYS[time.unit];
  return t(time.amount === 1 ? keys.one : keys.many, {
    amount: formatNumber(time.amount, locale),
  });
}

/** `2014-11-20` → `20/11/2014`, the way legal documents are cited in both languages here. */
export function legalDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

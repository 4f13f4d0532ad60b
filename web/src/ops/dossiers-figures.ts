/**
 * How the service-quality index reads on the wall screen: shares as percentages with one
 * decimal, points with up to two, in the reader's number format. An indicator the platform
 * cannot measure, or one with nothing to count in the period, is said in words: it is left
 * out of the maximum, and a zero would tell a leader something false.
 */
import { formatNumber, TIME_ZONE } from '../shared/i18n/format';
import type { Locale, MessageKey, MessageParams } from '../shared/i18n/translate';
import type { DossierIndex, IndexIndicator, TrendMonth } from './useDossiersOps';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const tag = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/** A share from 0 to 1 as "87,5%", or a dash when there was nothing to count. */
export function formatRate(share: number | null, locale: Locale): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(tag(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** Points as "12,35" (two decimals at most, as the server rounds them). */
export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 }).format(points);
}

export interface IndicatorReading {
  /** The value as a percentage, or what stands in for it. */
  value: string;
  /** "12,35 / 14", or the maximum left out of the score. */
  points: string;
}

export function indicatorReading(
  indicator: IndexIndicator,
  locale: Locale,
  t: Translate,
): IndicatorReading {
  const max = formatPoints(indicator.max, locale);
  if (indicator.status === 'not_measured') {
    return { value: t('dossiersOps.notMeasured'), points: t('dossiersOps.notScored', { max }) };
  }
  if (indicator.status === 'no_data' || indicator.value === null || indicator.points === null) {
    return { value: t('dossiersOps.noData'), points: t('dossiersOps.notScored', { max }) };
  }
  return {
    value: formatRate(indicator.value, locale),
    points: `${formatPoints(indicator.points, locale)} / ${max}`,
  };
}

/** The counts behind a measured value ("Tử số 12, mẫu số 40"), or null when there are none. */
export function indicatorCounts(
  indicator: IndexIndicator,
  locale: Locale,
  t: Translate,
): string | null {
  if (indicator.numerator === null || indicator.denominator === null) return null;
  return t('dossiersOps.counts', {
    numerator: formatNumber(indicator.numerator, locale),
    denominator: formatNumber(indicator.denominator, locale),
  });
}

/** "Full points from 95%" when the indicator has a target below 100 %. */
export function indicatorTarget(
  indicator: IndexIndicator,
  locale: Locale,
  t: Translate,
): string | null {
  return indicator.target < 1
    ? t('dossiersOps.target', { target: formatRate(indicator.target, locale) })
    : null;
}

/** Whose figures these are: the province, one agency's subtree, or the person's agencies. */
export function scopeLabel(scope: DossierIndex['scope'], t: Translate): string {
  if (scope.kind === 'province') return t('dossiersOps.scopeProvince');
  if (scope.kind === 'agency' && scope.agency) return scope.agency.name;
  return t('dossiersOps.scopeReach');
}

/** The appointment's time of day in Vietnam, "14:30". */
export function formatDueTime(dueAt: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(dueAt));
}

/** Long lists (agencies, dossiers due) show this many rows until the person asks for all. */
export const ROWS_SHOWN = 10;

/** The first `limit` rows, or all of them once the person asked to see all. */
export function shownRows<T>(rows: readonly T[], limit: number, all: boolean): readonly T[] {
  return all ? rows : rows.slice(0, limit);
}

/** A share as a percentage for the chart (0–100, one decimal), null left as a gap. */
export function percentOf(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** The latest month of the trend that has a score or an on-time rate, or undefined. */
export function latestMeasured(trend: readonly TrendMonth[]): TrendMonth | undefined {
  for (let index = trend.length - 1; index >= 0; index -= 1) {
    const month = trend[index]!;
    if (month.score !== null || month.onTimeRate !== null) return month;
  }
  return undefined;
}

/** The indicator of that code across the groups (the on-time rate is `on_time`). */
export function findIndicator(
  groups: DossierIndex['groups'],
  code: string,
): IndexIndicator | undefined {
  for (const group of groups) {
    const indicator = group.indicators.find((each) => each.code === code);
    if (indicator) return indicator;
  }
  return undefined;
}

/**
 * The scorecard's periods, its sortable columns and how its figures read: shares as
 * percentages and working time in hours, in the reader's number format.
 */
import type { Locale, MessageKey } from '../../shared/i18n/translate';
import { formatNumber, TIME_ZONE } from '../../shared/i18n/format';
import { dayStart } from './list-filters';
import type { AgencyScore } from './public-api';

/** Periods offered, in days back from today; the server's own default is 90. */
export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 90;

export const PERIOD_KEY: Record<Period, MessageKey> = {
  30: 'feedbackPublic.scorecard.period30',
  90: 'feedbackPublic.scorecard.period90',
  365: 'feedbackPublic.scorecard.period365',
};

export function periodFrom(value: string | null): Period {
  const days = Number(value);
  return (PERIODS as readonly number[]).includes(days) ? (days as Period) : DEFAULT_PERIOD;
}

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The window asked of the server: from the start of the Vietnamese day `days` ago up to now
 * (the server's default end). A day boundary keeps the same request, and so the same cache
 * entry, all day; the default period sends nothing and gets the server's own default.
 */
export function periodWindow(days: Period, now: number): { from: string } | null {
  if (days === DEFAULT_PERIOD) return null;
  const day = new Date(now + VIETNAM_OFFSET_MS - days * DAY_MS).toISOString().slice(0, 10);
  return { from: dayStart(day) };
}

export const COLUMNS = [
  'agency',
  'received',
  'answered',
  'onTimeRate',
  'averageAnswerWorkingHours',
  'satisfactionRate',
  'overdueNow',
] as const;
export type Column = (typeof COLUMNS)[number];

export interface ScoreSort {
  column: Column;
  descending: boolean;
}

export const DEFAULT_SORT: ScoreSort = { column: 'onTimeRate', descending: true };

export function sortFrom(value: string | null): ScoreSort {
  if (!value) return DEFAULT_SORT;
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return (COLUMNS as readonly string[]).includes(column)
    ? { column: column as Column, descending }
    : DEFAULT_SORT;
}

export function sortParam(sort: ScoreSort): string {
  return `${sort.descending ? '-' : ''}${sort.column}`;
}

function valueOf(score: AgencyScore, column: Column, locale: Locale): string | number | null {
  if (column === 'agency') {
    return locale === 'en' && score.agency.nameEn ? score.agency.nameEn : score.agency.name;
  }
  return score[column];
}

/** Sorted rows; an agency with nothing to measure in a column goes last either way. */
export function sortScores(
  scores: readonly AgencyScore[],
  sort: ScoreSort,
  locale: Locale,
): AgencyScore[] {
  const direction = sort.descending ? -1 : 1;
  return [...scores].sort((a, b) => {
    const left = valueOf(a, sort.column, locale);
    const right = valueOf(b, sort.column, locale);
    if (left === null || right === null) {
      if (left === right) return 0;
      return left === null ? 1 : -1;
    }
    const order =
      typeof left === 'string' || typeof right === 'string'
        ? String(left).localeCompare(String(right), locale)
        : left - right;
    return order * direction;
  });
}

/** A share as "85,5%" in Vietnamese, "85.5%" in English. */
export function formatRate(rate: number, locale: Locale): string {
  return `${formatNumber(Math.round(rate * 1000) / 10, locale)}%`;
}

/** Working hours to one decimal: "12,5". */
export function formatHours(hours: number, locale: Locale): string {
  return formatNumber(Math.round(hours * 10) / 10, locale);
}

export function formatDay(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
  }).format(new Date(value));
}

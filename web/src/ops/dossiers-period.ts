/**
 * The reporting periods of the service-quality index as the operations center offers them: a
 * month (`2026-10`), a quarter (`2026-Q3`) or a year (`2026`), read on the province's clock
 * (Asia/Ho_Chi_Minh), never the device's — at 23:30 on 31 October in Hạ Long it is already
 * November for a wall screen set to UTC+8. Only periods that have begun are offered: the
 * server answers a future one with 400 REPORTING_PERIOD_NOT_STARTED.
 */
import { TIME_ZONE } from '../shared/i18n/format';
import type { Locale, MessageKey, MessageParams } from '../shared/i18n/translate';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface ReportPeriod {
  kind: PeriodKind;
  year: number;
  /** The month (1–12) or the quarter (1–4); 1 for a year. */
  index: number;
}

/** The server refuses years before this one; nothing older exists in the national formats. */
export const FIRST_YEAR = 2000;

export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** The year and month it is in Vietnam at `now`. */
export function vietnamMonth(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((each) => each.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

export function periodKey(period: ReportPeriod): string {
  if (period.kind === 'year') return String(period.year);
  if (period.kind === 'quarter') return `${period.year}-Q${period.index}`;
  return `${period.year}-${String(period.index).padStart(2, '0')}`;
}

/** The period a key names, or null when it names none (`2026-13`, `2026-Q5`, `26`). */
export function parsePeriodKey(key: string): ReportPeriod | null {
  let match = MONTH.exec(key);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12
      ? valid({ kind: 'month', year: Number(match[1]), index: month })
      : null;
  }
  match = QUARTER.exec(key);
  if (match) return valid({ kind: 'quarter', year: Number(match[1]), index: Number(match[2]) });
  match = YEAR.exec(key);
  if (match) return valid({ kind: 'year', year: Number(match[1]), index: 1 });
  return null;
}

function valid(period: ReportPeriod): ReportPeriod | null {
  return period.year >= FIRST_YEAR ? period : null;
}

/** The period's first month, 1–12. */
function firstMonth(period: ReportPeriod): number {
  if (period.kind === 'month') return period.index;
  if (period.kind === 'quarter') return (period.index - 1) * 3 + 1;
  return 1;
}

/** Whether the period has begun in Vietnam at `now`. */
export function hasStarted(period: ReportPeriod, now: Date): boolean {
  const today = vietnamMonth(now);
  return period.year * 12 + firstMonth(period) <= today.year * 12 + today.month;
}

export function presetPeriod(preset: Preset, now: Date): ReportPeriod {
  const { year, month } = vietnamMonth(now);
  switch (preset) {
    case 'thisMonth':
      return { kind: 'month', year, index: month };
    case 'lastMonth':
      return month === 1
        ? { kind: 'month', year: year - 1, index: 12 }
        : { kind: 'month', year, index: month - 1 };
    case 'thisQuarter':
      return { kind: 'quarter', year, index: Math.ceil(month / 3) };
    case 'thisYear':
      return { kind: 'year', year, index: 1 };
  }
}

/** Which preset names the period at `now`, if any. */
export function presetOf(period: ReportPeriod, now: Date): Preset | null {
  const key = periodKey(period);
  return PRESETS.find((preset) => periodKey(presetPeriod(preset, now)) === key) ?? null;
}

/**
 * The period a link asks for (`?period=2026-Q3`); this month when it asks for none, for one
 * that does not exist or for one that has not begun, so an old or mistyped link still opens.
 */
export function periodFromSearch(value: string | null, now: Date): ReportPeriod {
  const period = value ? parsePeriodKey(value.trim().toUpperCase()) : null;
  return period && hasStarted(period, now) ? period : presetPeriod('thisMonth', now);
}

/** The years offered, the current one first. */
export function yearsOffered(now: Date): number[] {
  const years: number[] = [];
  for (let year = vietnamMonth(now).year; year >= FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

/** The months (1–12) or quarters (1–4) of `year` that have begun; [1] for a year. */
export function indexesOffered(kind: PeriodKind, year: number, now: Date): number[] {
  if (kind === 'year') return [1];
  const count = kind === 'month' ? 12 : 4;
  const indexes: number[] = [];
  for (let index = 1; index <= count; index += 1) {
    if (hasStarted({ kind, year, index }, now)) indexes.push(index);
  }
  return indexes;
}

/**
 * The period after the person changed one of the chooser's fields: a month becomes the
 * quarter that holds it and a quarter its first month; a month or quarter not begun yet
 * becomes the latest one that has.
 */
export function reshapePeriod(
  period: ReportPeriod,
  change: Partial<ReportPeriod>,
  now: Date,
): ReportPeriod {
  const kind = change.kind ?? period.kind;
  const year = change.year ?? period.year;
  let index = change.index ?? period.index;
  if (change.kind && change.kind !== period.kind) {
    const month = firstMonth(period);
    index = kind === 'quarter' ? Math.ceil(month / 3) : kind === 'month' ? month : 1;
  }
  const offered = indexesOffered(kind, year, now);
  if (!offered.includes(index)) index = offered[offered.length - 1] ?? 1;
  return { kind, year, index };
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

const tag = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');
const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** "Tháng 10" / "October". */
export function monthName(month: number, locale: Locale): string {
  const name = new Intl.DateTimeFormat(tag(locale), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
  return capitalise(name);
}

/** "Tháng 10 năm 2026", "Quý 3/2026", "Năm 2026" / "October 2026", "Q3 2026", "2026". */
export function periodLabel(period: ReportPeriod, locale: Locale, t: Translate): string {
  if (period.kind === 'year') return t('dossiersOps.period.yearLabel', { year: period.year });
  if (period.kind === 'quarter') {
    return t('dossiersOps.period.quarterLabel', { quarter: period.index, year: period.year });
  }
  const name = new Intl.DateTimeFormat(tag(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(period.year, period.index - 1, 1)));
  return capitalise(name);
}

/** A month of the trend on the chart's axis: "10/2026" / "Oct 2026". */
export function shortMonthLabel(key: string, locale: Locale): string {
  const period = parsePeriodKey(key);
  if (!period || period.kind !== 'month') return key;
  if (locale === 'vi') return `${period.index}/${period.year}`;
  return new Intl.DateTimeFormat('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(period.year, period.index - 1, 1)));
}

import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../shared/i18n/translate';
import {
  hasStarted,
  indexesOffered,
  monthName,
  parsePeriodKey,
  periodFromSearch,
  periodKey,
  periodLabel,
  presetOf,
  presetPeriod,
  reshapePeriod,
  shortMonthLabel,
  vietnamMonth,
  yearsOffered,
} from './dossiers-period';

const vi = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

// 10:00 on 20 May 2026 in Hạ Long.
const MAY = new Date('2026-05-20T03:00:00Z');

describe('the reporting periods', () => {
  it('reads the month on the province clock, not in UTC', () => {
    // 17:30 UTC on 31 October is 00:30 on 1 November in Vietnam.
    expect(vietnamMonth(new Date('2026-10-31T17:30:00Z'))).toEqual({ year: 2026, month: 11 });
    expect(vietnamMonth(new Date('2026-10-31T16:59:59Z'))).toEqual({ year: 2026, month: 10 });
    expect(presetPeriod('thisMonth', new Date('2026-12-31T17:00:00Z'))).toEqual({
      kind: 'month',
      year: 2027,
      index: 1,
    });
  });

  it('names this month, last month, this quarter and this year as the server keys them', () => {
    expect(periodKey(presetPeriod('thisMonth', MAY))).toBe('2026-05');
    expect(periodKey(presetPeriod('lastMonth', MAY))).toBe('2026-04');
    expect(periodKey(presetPeriod('thisQuarter', MAY))).toBe('2026-Q2');
    expect(periodKey(presetPeriod('thisYear', MAY))).toBe('2026');
    // Last month of January is December of the year before.
    expect(periodKey(presetPeriod('lastMonth', new Date('2026-01-10T03:00:00Z')))).toBe('2025-12');
  });

  it('parses the keys it writes and refuses what the server would', () => {
    for (const key of ['2026-05', '2026-12', '2026-Q1', '2026-Q4', '2026']) {
      expect(periodKey(parsePeriodKey(key)!)).toBe(key);
    }
    for (const key of ['2026-13', '2026-00', '2026-Q5', '26', '1999', '2026-5', 'tháng 5']) {
      expect(parsePeriodKey(key), key).toBeNull();
    }
  });

  it('opens a link on its period, and on this month when the period is wrong or to come', () => {
    expect(periodFromSearch('2025-q3', MAY)).toEqual({ kind: 'quarter', year: 2025, index: 3 });
    expect(periodFromSearch(null, MAY)).toEqual(presetPeriod('thisMonth', MAY));
    expect(periodFromSearch('2026-13', MAY)).toEqual(presetPeriod('thisMonth', MAY));
    expect(periodFromSearch('2026-06', MAY)).toEqual(presetPeriod('thisMonth', MAY));
    expect(periodFromSearch('2026-Q3', MAY)).toEqual(presetPeriod('thisMonth', MAY));
  });

  it('knows which preset a period is', () => {
    expect(presetOf({ kind: 'month', year: 2026, index: 4 }, MAY)).toBe('lastMonth');
    expect(presetOf({ kind: 'year', year: 2026, index: 1 }, MAY)).toBe('thisYear');
    expect(presetOf({ kind: 'month', year: 2026, index: 3 }, MAY)).toBeNull();
  });

  it('offers only the months and quarters that have begun', () => {
    expect(indexesOffered('month', 2026, MAY)).toEqual([1, 2, 3, 4, 5]);
    expect(indexesOffered('quarter', 2026, MAY)).toEqual([1, 2]);
    expect(indexesOffered('month', 2025, MAY)).toHaveLength(12);
    expect(indexesOffered('year', 2026, MAY)).toEqual([1]);
    expect(hasStarted({ kind: 'quarter', year: 2026, index: 2 }, MAY)).toBe(true);
    expect(hasStarted({ kind: 'quarter', year: 2026, index: 3 }, MAY)).toBe(false);
    expect(hasStarted({ kind: 'year', year: 2027, index: 1 }, MAY)).toBe(false);
    const years = yearsOffered(MAY);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2000);
  });

  it('turns a month into its quarter and back, never into a period to come', () => {
    const march = { kind: 'month', year: 2026, index: 3 } as const;
    expect(reshapePeriod(march, { kind: 'quarter' }, MAY)).toEqual({
      kind: 'quarter',
      year: 2026,
      index: 1,
    });
    expect(
      reshapePeriod({ kind: 'quarter', year: 2025, index: 4 }, { kind: 'month' }, MAY),
    ).toEqual({ kind: 'month', year: 2025, index: 10 });
    // December 2025 moved to 2026 becomes May 2026, the latest month that has begun.
    expect(reshapePeriod({ kind: 'month', year: 2025, index: 12 }, { year: 2026 }, MAY)).toEqual({
      kind: 'month',
      year: 2026,
      index: 5,
    });
    expect(reshapePeriod(march, { kind: 'year' }, MAY)).toEqual({
      kind: 'year',
      year: 2026,
      index: 1,
    });
  });

  it('labels periods in Vietnamese and in English', () => {
    expect(periodLabel({ kind: 'month', year: 2026, index: 10 }, 'vi', vi)).toBe(
      'Tháng 10 năm 2026',
    );
    expect(periodLabel({ kind: 'month', year: 2026, index: 10 }, 'en', en)).toBe('October 2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, index: 3 }, 'vi', vi)).toBe('Quý 3/2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, index: 3 }, 'en', en)).toBe('Q3 2026');
    expect(periodLabel({ kind: 'year', year: 2026, index: 1 }, 'vi', vi)).toBe('Năm 2026');
    expect(monthName(1, 'vi')).toBe('Tháng 1');
    expect(monthName(1, 'en')).toBe('January');
    expect(shortMonthLabel('2026-10', 'vi')).toBe('10/2026');
    expect(shortMonthLabel('2026-10', 'en')).toBe('Oct 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../shared/i18n/translate';
import {
  findIndicator,
  formatDueTime,
  formatPoints,
  formatRate,
  indicatorCounts,
  indicatorReading,
  indicatorTarget,
  latestMeasured,
  percentOf,
  scopeLabel,
  shownRows,
} from './dossiers-figures';
import type { IndexGroup, IndexIndicator, TrendMonth } from './useDossiersOps';

const vi = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

function indicator(overrides: Partial<IndexIndicator>): IndexIndicator {
  return {
    code: 'on_time',
    group: 'progress',
    name: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved on time' },
    formula: { vi: 'Số hồ sơ đúng hạn / tổng số', en: 'On time / all' },
    status: 'measured',
    numerator: 1234,
    denominator: 1500,
    value: 0.8227,
    target: 1,
    points: 16.45,
    max: 20,
    ...overrides,
  };
}

describe('the figures of the index', () => {
  it('writes shares and points the Vietnamese way, and the English way', () => {
    expect(formatRate(0.8227, 'vi')).toBe('82,3%');
    expect(formatRate(0.8227, 'en')).toBe('82.3%');
    expect(formatRate(0, 'vi')).toBe('0%');
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatPoints(16.45, 'vi')).toBe('16,45');
    expect(formatPoints(1234.5, 'vi')).toBe('1.234,5');
    expect(formatPoints(20, 'en')).toBe('20');
  });

  it('reads a measured indicator as its value and its points out of the maximum', () => {
    expect(indicatorReading(indicator({}), 'vi', vi)).toEqual({
      value: '82,3%',
      points: '16,45 / 20',
    });
    // A measured zero is a zero.
    expect(indicatorReading(indicator({ value: 0, points: 0, numerator: 0 }), 'vi', vi)).toEqual({
      value: '0%',
      points: '0 / 20',
    });
  });

  it('says in words what is not measured or had nothing to count, never zero', () => {
    const notMeasured = indicator({
      status: 'not_measured',
      value: null,
      points: null,
      numerator: null,
      denominator: null,
      max: 4,
    });
    expect(indicatorReading(notMeasured, 'vi', vi)).toEqual({
      value: 'Chưa đo được',
      points: 'Không tính (tối đa 4)',
    });
    expect(indicatorReading(notMeasured, 'en', en)).toEqual({
      value: 'Not measured',
      points: 'Not scored (of 4)',
    });
    const noData = indicator({ status: 'no_data', value: null, points: null, denominator: 0 });
    expect(indicatorReading(noData, 'vi', vi)).toEqual({
      value: 'Không có số liệu',
      points: 'Không tính (tối đa 20)',
    });
    expect(indicatorCounts(notMeasured, 'vi', vi)).toBeNull();
  });

  it('gives the counts behind a value and the target when below 100 %', () => {
    expect(indicatorCounts(indicator({}), 'vi', vi)).toBe('Kỳ này: 1.234 / 1.500.');
    expect(indicatorTarget(indicator({}), 'vi', vi)).toBeNull();
    expect(indicatorTarget(indicator({ target: 0.95 }), 'vi', vi)).toBe('Đạt điểm tối đa từ 95%.');
  });

  it('names the scope of the figures', () => {
    expect(scopeLabel({ kind: 'province', agency: null, agencies: 40 }, vi)).toBe('Toàn tỉnh');
    expect(
      scopeLabel(
        { kind: 'agency', agency: { code: '000.00.37.H49', name: 'Sở Xây dựng' }, agencies: 1 },
        vi,
      ),
    ).toBe('Sở Xây dựng');
    expect(scopeLabel({ kind: 'reach', agency: null, agencies: 3 }, en)).toBe(
      'The agencies within your reach',
    );
  });

  it('shows the time due on the Vietnamese clock', () => {
    expect(formatDueTime('2026-05-20T09:30:00Z', 'vi')).toBe('16:30');
  });

  it('finds the on-time indicator among the groups', () => {
    const groups = [
      { code: 'publicity', indicators: [indicator({ code: 'progress_published' })] },
      { code: 'progress', indicators: [indicator({ code: 'on_time', value: 0.5 })] },
    ] as IndexGroup[];
    expect(findIndicator(groups, 'on_time')?.value).toBe(0.5);
    expect(findIndicator(groups, 'missing')).toBeUndefined();
  });

  it('cuts long lists until all are asked for', () => {
    const rows = Array.from({ length: 25 }, (_, index) => index);
    expect(shownRows(rows, 10, false)).toHaveLength(10);
    expect(shownRows(rows, 10, true)).toHaveLength(25);
  });

  it('draws shares as percentages and leaves months without figures as gaps', () => {
    expect(percentOf(0.8227)).toBe(82.3);
    expect(percentOf(null)).toBeNull();
    const month = (
      period: string,
      score: number | null,
      onTimeRate: number | null,
    ): TrendMonth => ({
      period,
      score,
      onTimeRate,
      points: 0,
      measuredMax: 0,
    });
    expect(
      latestMeasured([
        month('2026-03', 70, 0.8),
        month('2026-04', null, 0.9),
        month('2026-05', null, null),
      ])?.period,
    ).toBe('2026-04');
    expect(latestMeasured([month('2026-05', null, null)])).toBeUndefined();
  });
});

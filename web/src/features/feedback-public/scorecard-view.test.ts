import { describe, expect, it } from 'vitest';
import type { AgencyScore } from './public-api';
import {
  formatHours,
  formatRate,
  periodFrom,
  periodWindow,
  sortFrom,
  sortParam,
  sortScores,
} from './scorecard-view';

function score(name: string, received: number, onTimeRate: number | null): AgencyScore {
  return {
    agency: { id: name, code: name, name, nameEn: null },
    received,
    answered: 0,
    answeredOnTime: 0,
    onTimeRate,
    averageAnswerWorkingHours: null,
    satisfactionRate: null,
    rated: 0,
    openNow: 0,
    overdueNow: 0,
  };
}

describe('the scorecard view', () => {
  const scores = [score('Đông Triều', 5, 0.5), score('Ba Chẽ', 9, null), score('Cô Tô', 1, 1)];

  it('sorts by a figure either way, agencies with nothing to measure last', () => {
    const names = (sorted: AgencyScore[]) => sorted.map((s) => s.agency.name);
    expect(names(sortScores(scores, { column: 'onTimeRate', descending: true }, 'vi'))).toEqual([
      'Cô Tô',
      'Đông Triều',
      'Ba Chẽ',
    ]);
    expect(names(sortScores(scores, { column: 'onTimeRate', descending: false }, 'vi'))).toEqual([
      'Đông Triều',
      'Cô Tô',
      'Ba Chẽ',
    ]);
    expect(names(sortScores(scores, { column: 'received', descending: true }, 'vi'))).toEqual([
      'Ba Chẽ',
      'Đông Triều',
      'Cô Tô',
    ]);
    expect(names(sortScores(scores, { column: 'agency', descending: false }, 'vi'))).toEqual([
      'Ba Chẽ',
      'Cô Tô',
      'Đông Triều',
    ]);
  });

  it('keeps the sort and the period in the address, ignoring unknown values', () => {
    expect(sortFrom(sortParam({ column: 'received', descending: true }))).toEqual({
      column: 'received',
      descending: true,
    });
    expect(sortFrom('-password')).toEqual({ column: 'onTimeRate', descending: true });
    expect(periodFrom('30')).toBe(30);
    expect(periodFrom('31')).toBe(90);
  });

  it('asks the server for whole Vietnamese days, and nothing for its default period', () => {
    const now = Date.parse('2026-11-21T20:00:00Z'); // already 22 November in Vietnam
    expect(periodWindow(30, now)).toEqual({ from: '2026-10-23T00:00:00+07:00' });
    expect(periodWindow(90, now)).toBeNull();
  });

  it('writes shares and hours as Vietnamese readers expect', () => {
    expect(formatRate(0.8571, 'vi')).toBe('85,7%');
    expect(formatRate(0.8571, 'en')).toBe('85.7%');
    expect(formatHours(1234.56, 'vi')).toBe('1.234,6');
  });
});

import { describe, expect, it } from 'vitest';
import { isCalendarDate, isDateBound, resolveDateBound } from './calendar-date';

describe('isCalendarDate', () => {
  it('knows which days exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-12-31')).toBe(true);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-00-10')).toBe(false);
    expect(isCalendarDate('2025-01-00')).toBe(false);
  });

  it('takes YYYY-MM-DD only', () => {
    for (const text of ['2025-1-01', '25-01-01', '01/01/2025', '2025-01-01T00:00', ' 2025-01-01']) {
      expect(isCalendarDate(text), text).toBe(false);
    }
  });
});

describe('date bounds', () => {
  it('are dates or the word today, which the caller resolves', () => {
    expect(isDateBound('today')).toBe(true);
    expect(isDateBound('2024-09-06')).toBe(true);
    expect(isDateBound('yesterday')).toBe(false);
    expect(resolveDateBound('today', '2025-06-01')).toBe('2025-06-01');
    expect(resolveDateBound('2024-09-06', undefined)).toBe('2024-09-06');
    expect(() => resolveDateBound('today', undefined)).toThrow(/options\.today/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromLunar, lunarMonthLength, lunarNewYear, toLunar } from './lunar';
import { localDateOf, epochDayOf } from './local-date';

const csv = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/vn-tet-dates.csv'), 'utf8');
const rows = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [year, tet, eve] = line.split(',');
    return { year: Number(year), tet: tet!, eve: eve! };
  });

describe('Vietnamese lunar calendar', () => {
  it('has the whole reference table, 1950 to 2050', () => {
    expect(rows).toHaveLength(101);
    expect(rows[0]!.year).toBe(1950);
    expect(rows[100]!.year).toBe(2050);
  });

  it.each(rows)('puts Tết $year on $tet', ({ year, tet, eve }) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(toLunar(tet)).toEqual({ day: 1, month: 1, year, leap: false });
    const lastDay = toLunar(eve);
    expect(lastDay).toMatchObject({ month: 12, year: year - 1, leap: false });
    expect([29, 30]).toContain(lastDay.day);
    expect(lunarMonthLength(12, year - 1)).toBe(lastDay.day);
    expect(fromLunar(lastDay.day, 12, year - 1)).toBe(eve);
  });

  it('knows Tết 2026 is 17 February and the year before ends on the 29th', () => {
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(toLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => fromLunar(30, 12, 2025)).toThrow(RangeError);
  });

  it('uses Vietnam time where it differs from the Chinese calendar', () => {
    // A new moon between 16:00 and 17:00 UTC is already the next day in China (UTC+8) but
    // still the same day in Vietnam (UTC+7); it moves a month start, and Tết with it.
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(2030)).toBe('2030-02-02');
  });

  it('places the leap months of recent years', () => {
    expect(toLunar('2020-05-23')).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(toLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(toLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(fromLunar(1, 6, 2025, false)).toBe('2025-06-25');
    expect(() => fromLunar(1, 3, 2026, true)).toThrow(/no leap month 3/);
  });

  it('finds the Hùng Kings day (10/3) of 2026 on Sunday 26 April', () => {
    expect(fromLunar(10, 3, 2026)).toBe('2026-04-26');
    expect(toLunar('2026-04-26')).toEqual({ day: 10, month: 3, year: 2026, leap: false });
  });

  it('refuses dates outside the years it computes', () => {
    expect(() => lunarNewYear(1799)).toThrow(RangeError);
    expect(() => toLunar('2200-01-01')).toThrow(RangeError);
    expect(() => fromLunar(1, 13, 2026)).toThrow(RangeError);
  });

  it('converts any date to the lunar calendar and back', () => {
    const first = epochDayOf('1900-01-01');
    const last = epochDayOf('2150-12-31');
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const date = localDateOf(day);
        const lunar = toLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(fromLunar(lunar.day, lunar.month, lunar.year, lunar.leap)).toBe(date);
        // The next day is the next lunar day, or day 1 of the next month.
        const next = toLunar(localDateOf(day + 1));
        if (next.day !== 1) expect(next).toEqual({ ...lunar, day: lunar.day + 1 });
        else expect(lunarMonthLength(lunar.month, lunar.year, lunar.leap)).toBe(lunar.day);
      }),
      { numRuns: 2000 },
    );
  });
});

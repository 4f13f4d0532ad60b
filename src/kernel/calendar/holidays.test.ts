import { describe, expect, it } from 'vitest';
import { inLieuDays, publicHolidays, statutoryHolidays } from './holidays';

const summary = (days: { date: string; kind?: string }[]) =>
  days.map((d) => (d.kind ? `${d.date} ${d.kind}` : d.date));

describe('public holidays (Labour Code 2019, art. 112)', () => {
  it('lists the eleven statutory days of 2026 and the in-lieu day of Hùng Kings', () => {
    expect(summary(publicHolidays(2026))).toEqual([
      '2026-01-01 statutory',
      '2026-02-16 statutory',
      '2026-02-17 statutory',
      '2026-02-18 statutory',
      '2026-02-19 statutory',
      '2026-02-20 statutory',
      '2026-04-26 statutory',
      '2026-04-27 in_lieu',
      '2026-04-30 statutory',
      '2026-05-01 statutory',
      '2026-09-02 statutory',
      '2026-09-03 statutory',
    ]);
  });

  it('names the days in Vietnamese and English', () => {
    const days = publicHolidays(2026);
    expect(days.find((d) => d.date === '2026-02-16')).toMatchObject({
      name: 'Tết Nguyên đán (29 tháng Chạp)',
      nameEn: "Lunar New Year's Eve",
    });
    expect(days.find((d) => d.date === '2026-02-20')).toMatchObject({
      name: 'Tết Nguyên đán (mùng 4)',
    });
    expect(days.find((d) => d.date === '2026-04-27')).toMatchObject({
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: "Hùng Kings' Commemoration Day (in lieu)",
    });
  });

  it('starts Tết on the 30th when the twelfth lunar month is long', () => {
    // Tết 2024 was Saturday 10 February; the month before had 30 days.
    const tet = statutoryHolidays(2024).filter((d) => d.name.startsWith('Tết Nguyên đán'));
    expect(summary(tet)).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
    ]);
    expect(tet[0]!.name).toBe('Tết Nguyên đán (30 tháng Chạp)');
  });

  it('gives the next free working day for each holiday on a weekend, in date order', () => {
    // 2022: 1 January, Hùng Kings (10 April), 30 April and 1 May, 3 September fell on weekends.
    expect(summary(inLieuDays(statutoryHolidays(2022)))).toEqual([
      '2022-01-03',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-05',
    ]);
    // Tết 2024 covers a Saturday and a Sunday: both are made up after the break.
    expect(summary(inLieuDays(statutoryHolidays(2024)))).toEqual(['2024-02-14', '2024-02-15']);
  });

  it('joins 1 September to National Day when asked', () => {
    const days = summary(statutoryHolidays(2026, 'before'));
    expect(days).toContain('2026-09-01');
    expect(days).not.toContain('2026-09-03');
  });
});

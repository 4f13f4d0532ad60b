import { describe, expect, it } from 'vitest';
import { datelineText, numberLineText } from './dateline';

describe('datelineText', () => {
  it.each([
    ['2026-11-22', 'Hạ Long, ngày 22 tháng 11 năm 2026'],
    ['2026-02-05', 'Hạ Long, ngày 05 tháng 02 năm 2026'],
    ['2026-12-15', 'Hạ Long, ngày 15 tháng 12 năm 2026'],
    ['2026-01-01', 'Hạ Long, ngày 01 tháng 01 năm 2026'],
    ['2026-03-09', 'Hạ Long, ngày 09 tháng 3 năm 2026'],
    ['2026-09-10', 'Hạ Long, ngày 10 tháng 9 năm 2026'],
    ['2026-10-31', 'Hạ Long, ngày 31 tháng 10 năm 2026'],
    ['2028-02-29', 'Hạ Long, ngày 29 tháng 02 năm 2028'],
  ])('%s → %s', (date, expected) => {
    expect(datelineText('Hạ Long', date)).toBe(expected);
  });

  it('writes the place name in NFC, with its spaces tidied', () => {
    const text = datelineText('  Móng   Cái '.normalize('NFD'), '2026-05-19');
    expect(text).toBe('Móng Cái, ngày 19 tháng 5 năm 2026');
    expect(text).toBe(text.normalize('NFC'));
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '22/11/2026', ''])(
    'refuses %j',
    (date) => {
      expect(() => datelineText('Hạ Long', date)).toThrow(RangeError);
    },
  );

  it('refuses an empty place name', () => {
    expect(() => datelineText('  ', '2026-11-22')).toThrow(RangeError);
  });
});

describe('numberLineText', () => {
  it('puts "Số:" before the number and notation', () => {
    expect(numberLineText('07/UBND-VP')).toBe('Số: 07/UBND-VP');
    expect(numberLineText(' 15/QĐ-UBND '.normalize('NFD'))).toBe('Số: 15/QĐ-UBND');
  });

  it('refuses an empty notation', () => {
    expect(() => numberLineText(' ')).toThrow(RangeError);
  });
});

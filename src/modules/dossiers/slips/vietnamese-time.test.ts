import { describe, expect, it } from 'vitest';
import { datelineText } from './place-date-line';
import { vietnameseDate, vietnameseDateTime } from './vietnamese-time';

describe('dates and times as the forms write them', () => {
  it('reads an instant on Vietnam’s clock by default', () => {
    expect(vietnameseDateTime(new Date('2026-03-02T01:30:00Z'))).toBe(
      '08 giờ 30 phút, ngày 02 tháng 3 năm 2026',
    );
  });

  it('gives the next day in Vietnam for a UTC evening', () => {
    expect(vietnameseDateTime(new Date('2026-03-01T20:05:00Z'))).toBe(
      '03 giờ 05 phút, ngày 02 tháng 3 năm 2026',
    );
  });

  it('writes the months 1 and 2 with a leading zero, the others without', () => {
    expect(vietnameseDate(new Date('2026-02-14T03:00:00Z'))).toBe('ngày 14 tháng 02 năm 2026');
    expect(vietnameseDate(new Date('2026-01-05T03:00:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(vietnameseDate(new Date('2026-12-31T03:00:00Z'))).toBe('ngày 31 tháng 12 năm 2026');
  });

  it('follows the time zone it is given', () => {
    expect(vietnameseDateTime(new Date('2026-03-02T01:30:00Z'), 'Asia/Tokyo')).toBe(
      '10 giờ 30 phút, ngày 02 tháng 3 năm 2026',
    );
  });

  it('makes the dateline from the place and the day', () => {
    expect(datelineText(' Hạ  Long ', new Date('2026-03-02T16:59:00Z'))).toBe(
      'Hạ Long, ngày 02 tháng 3 năm 2026',
    );
    expect(datelineText('Hạ Long', new Date('2026-03-02T17:00:00Z'))).toBe(
      'Hạ Long, ngày 03 tháng 3 năm 2026',
    );
  });
});

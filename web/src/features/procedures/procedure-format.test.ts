import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../shared/i18n/translate';
import {
  feeAmountText,
  feeRangeText,
  formatVnd,
  legalDate,
  processingTimeText,
} from './procedure-format';

const tr =
  (locale: Locale) =>
  (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);

describe('money in đồng', () => {
  it('writes the amount as a Vietnamese or an English reader expects', () => {
    expect(formatVnd(100_000, 'vi')).toBe('100.000 đ');
    expect(formatVnd(100_000, 'en')).toBe('100,000 VND');
    expect(formatVnd(1_500_000, 'vi')).toBe('1.500.000 đ');
  });

  it('says "free" for a line the law exempts', () => {
    expect(feeAmountText(0, 'vi', tr('vi'))).toBe('Miễn phí');
    expect(feeAmountText(0, 'en', tr('en'))).toBe('Free');
    expect(feeAmountText(8000, 'vi', tr('vi'))).toBe('8.000 đ');
  });

  it('quotes a schedule as a range, never a sum of its alternatives', () => {
    expect(feeRangeText({ feeMin: 0, feeMax: 0 }, 'vi', tr('vi'))).toBe('Miễn phí');
    expect(feeRangeText({ feeMin: 100_000, feeMax: 100_000 }, 'en', tr('en'))).toBe('100,000 VND');
    expect(feeRangeText({ feeMin: 0, feeMax: 8000 }, 'vi', tr('vi'))).toBe(
      'Miễn phí hoặc đến 8.000 đ',
    );
    expect(feeRangeText({ feeMin: 0, feeMax: 8000 }, 'en', tr('en'))).toBe(
      'Free, or up to 8,000 VND',
    );
    expect(feeRangeText({ feeMin: 50_000, feeMax: 100_000 }, 'vi', tr('vi'))).toBe(
      '50.000 – 100.000 đ',
    );
    expect(feeRangeText({ feeMin: 50_000, feeMax: 100_000 }, 'en', tr('en'))).toBe(
      '50,000 – 100,000 VND',
    );
  });
});

describe('processing times', () => {
  it('keep working days, calendar days and working hours apart', () => {
    expect(processingTimeText({ amount: 1, unit: 'NGAY_LAM_VIEC' }, 'vi', tr('vi'))).toBe(
      '1 ngày làm việc',
    );
    expect(processingTimeText({ amount: 15, unit: 'NGAY' }, 'vi', tr('vi'))).toBe('15 ngày');
    expect(processingTimeText({ amount: 8, unit: 'GIO_LAM_VIEC' }, 'vi', tr('vi'))).toBe(
      '8 giờ làm việc',
    );
  });

  it('count one and many in English', () => {
    expect(processingTimeText({ amount: 1, unit: 'NGAY_LAM_VIEC' }, 'en', tr('en'))).toBe(
      '1 working day',
    );
    expect(processingTimeText({ amount: 20, unit: 'NGAY_LAM_VIEC' }, 'en', tr('en'))).toBe(
      '20 working days',
    );
    expect(processingTimeText({ amount: 1, unit: 'NGAY' }, 'en', tr('en'))).toBe('1 day');
    expect(processingTimeText({ amount: 8, unit: 'GIO_LAM_VIEC' }, 'en', tr('en'))).toBe(
      '8 working hours',
    );
  });

  it('write half a day with the decimal mark of the language', () => {
    expect(processingTimeText({ amount: 0.5, unit: 'NGAY_LAM_VIEC' }, 'vi', tr('vi'))).toBe(
      '0,5 ngày làm việc',
    );
    expect(processingTimeText({ amount: 0.5, unit: 'NGAY_LAM_VIEC' }, 'en', tr('en'))).toBe(
      '0.5 working days',
    );
  });

  it('say so when a procedure has no time', () => {
    expect(processingTimeText(null, 'vi', tr('vi'))).toBe('Chưa công bố');
  });
});

describe('dates of legal documents', () => {
  it('are cited day/month/year', () => {
    expect(legalDate('2014-11-20')).toBe('20/11/2014');
    expect(legalDate('2015-01-05')).toBe('05/01/2015');
  });
});

import { describe, expect, it } from 'vitest';
import { amountInWords, formatDong } from './money-words';

describe('amounts in words', () => {
  it.each([
    [8_000, 'Tám nghìn đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [25, 'Hai mươi lăm đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [101, 'Một trăm linh một đồng'],
    [110, 'Một trăm mười đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_500, 'Một triệu năm trăm đồng'],
    [2_005_000, 'Hai triệu không trăm linh năm nghìn đồng'],
    [15_750_000, 'Mười lăm triệu bảy trăm năm mươi nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [3_000_025_000, 'Ba tỷ không trăm hai mươi lăm nghìn đồng'],
    [1_001_000_000_000, 'Một nghìn không trăm linh một tỷ đồng'],
    [2_000_000_000_000_000, 'Hai triệu tỷ đồng'],
  ])('%i đồng reads "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses what is not a whole number of đồng', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('amounts in figures', () => {
  it.each([
    [0, '0 đ'],
    [500, '500 đ'],
    [8_000, '8.000 đ'],
    [105_000, '105.000 đ'],
    [1_250_000, '1.250.000 đ'],
    [1_000_000_000, '1.000.000.000 đ'],
  ])('%i is written "%s"', (amount, text) => {
    expect(formatDong(amount)).toBe(text);
  });
});

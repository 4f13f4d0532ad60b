import { describe, expect, it } from 'vitest';
import { isCitizenId, isCommuneCode, normalisePhone } from './vietnamese-identifiers';

describe('normalisePhone', () => {
  it('accepts mobile and landline numbers as people write them, without the separators', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
    expect(normalisePhone('0203-3825-123')).toBe('02033825123');
    expect(normalisePhone('+84 912 345 678')).toBe('+84912345678');
    expect(normalisePhone('+84 203 3825 123')).toBe('+842033825123');
  });

  it('refuses numbers of the wrong length or shape', () => {
    for (const wrong of [
      '091234567', // 0 and 8 digits
      '091234567890', // 0 and 11 digits
      '84912345678', // the country code without +
      '+84 0912 345 678', // the trunk 0 kept after +84
      '00912345678',
      '(0912) 345 678',
      '0912 345 67a',
      '',
    ]) {
      expect(normalisePhone(wrong), wrong).toBeUndefined();
    }
  });
});

describe('isCitizenId', () => {
  it('takes 12 digits whose first three are a province code 001–096', () => {
    expect(isCitizenId('001190001234')).toBe(true); // Hà Nội
    expect(isCitizenId('022190001234')).toBe(true); // Quảng Ninh
    expect(isCitizenId('096300001234')).toBe(true); // Cà Mau
    expect(isCitizenId('000190001234')).toBe(false);
    expect(isCitizenId('097190001234')).toBe(false);
  });

  it('refuses the old 9-digit identity card numbers and anything not all digits', () => {
    expect(isCitizenId('100234567')).toBe(false);
    expect(isCitizenId('0221900012345')).toBe(false);
    expect(isCitizenId('02219000123A')).toBe(false);
    expect(isCitizenId('022 190 001 234')).toBe(false);
  });
});

describe('isCommuneCode', () => {
  it('takes five digits', () => {
    expect(isCommuneCode('06637')).toBe(true);
    expect(isCommuneCode('6637')).toBe(false);
    expect(isCommuneCode('066370')).toBe(false);
    expect(isCommuneCode('0663a')).toBe(false);
  });
});

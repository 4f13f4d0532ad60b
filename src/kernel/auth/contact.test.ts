import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, normaliseEmail, normalisePhone } from './contact';

describe('contact details', () => {
  it('normalises Vietnamese phone numbers to E.164', () => {
    expect(normalisePhone('0912 345 678')).toBe('+84912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('+84912345678');
    expect(normalisePhone('84912345678')).toBe('+84912345678');
    expect(normalisePhone('+84 0912345678')).toBe('+84912345678');
    expect(normalisePhone('(0203) 3825 123')).toBe('+842033825123');
  });

  it('refuses what is not a Vietnamese number', () => {
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('+1 415 555 0100')).toBeNull();
    expect(normalisePhone('0112345678')).toBeNull();
    expect(normalisePhone('09123456789')).toBeNull();
    expect(normalisePhone('abc')).toBeNull();
  });

  it('lower-cases email addresses', () => {
    expect(normaliseEmail('  Nguyen.Van.A@Gmail.COM ')).toBe('nguyen.van.a@gmail.com');
  });

  it('masks contact details for lists', () => {
    expect(maskEmail('nguyen.van.a@gmail.com')).toBe('ng***@gmail.com');
    expect(maskEmail('ab@x.vn')).toBe('a***@x.vn');
    expect(maskPhone('+84912345123')).toBe('+84 9** *** 123');
    expect(maskPhone('+842033825123')).toBe('+84 2*** *** 123');
  });
});

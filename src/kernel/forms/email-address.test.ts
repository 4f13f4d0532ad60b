import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email-address';

describe('normaliseEmail', () => {
  it('accepts one ordinary address and lowers the case of its domain only', () => {
    expect(normaliseEmail('Hoa.Tran@Gmail.COM')).toBe('Hoa.Tran@gmail.com');
    expect(normaliseEmail('vanthu+ubnd@quangninh.gov.vn')).toBe('vanthu+ubnd@quangninh.gov.vn');
    expect(normaliseEmail('thư@bưuđiện.vn')).toBe('thư@bưuđiện.vn');
  });

  it('refuses what is not one address', () => {
    for (const wrong of [
      'hoa',
      'hoa@',
      '@gmail.com',
      'hoa@gmail',
      'hoa tran@gmail.com',
      'hoa@@gmail.com',
      'hoa@gmail..com',
      '.hoa@gmail.com',
      'hoa.@gmail.com',
      'hoa@-gmail.com',
      'hoa@10.0.0.1',
      'a@b.vn, c@d.vn',
      `${'a'.repeat(65)}@gmail.com`,
    ]) {
      expect(normaliseEmail(wrong), wrong).toBeUndefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './iso-time';

describe('isoWithOffset', () => {
  it('writes Vietnamese time to the second by default', () => {
    expect(isoWithOffset(new Date('2026-11-21T02:30:05.999Z'))).toBe('2026-11-21T09:30:05+07:00');
  });

  it('moves to the next day when Vietnam is past midnight', () => {
    expect(isoWithOffset(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00:00+07:00');
  });

  it('writes other offsets, negative and fractional ones included', () => {
    expect(isoWithOffset(new Date('2026-01-01T00:00:00Z'), 0)).toBe('2026-01-01T00:00:00+00:00');
    expect(isoWithOffset(new Date('2026-01-01T00:00:00Z'), -150)).toBe('2025-12-31T21:30:00-02:30');
  });

  it('refuses an invalid date or offset', () => {
    expect(() => isoWithOffset(new Date('nonsense'))).toThrow(RangeError);
    expect(() => isoWithOffset(new Date(), 15 * 60)).toThrow(RangeError);
  });
});

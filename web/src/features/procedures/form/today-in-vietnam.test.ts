import { describe, expect, it } from 'vitest';
import { todayInVietnam } from './today-in-vietnam';

describe('today in Vietnam', () => {
  it('turns the date at midnight in Hà Nội, whatever the device says', () => {
    // 16:59:59 UTC is 23:59:59 in Vietnam; a second later the next day has begun there.
    expect(todayInVietnam(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(todayInVietnam(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });

  it('crosses years and leap days', () => {
    expect(todayInVietnam(new Date('2027-12-31T17:30:00Z'))).toBe('2028-01-01');
    expect(todayInVietnam(new Date('2028-02-28T18:00:00Z'))).toBe('2028-02-29');
  });
});

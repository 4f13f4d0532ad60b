import { describe, expect, it } from 'vitest';
import { localDayBounds } from './local-day';

describe('localDayBounds', () => {
  it('starts the day at midnight in Quảng Ninh (UTC+7), not at UTC midnight', () => {
    // 00:30 on 21 November in Hạ Long is 17:30 UTC on the 20th.
    const bounds = localDayBounds(new Date('2026-11-20T17:30:00Z'), 'Asia/Ho_Chi_Minh');
    expect(bounds.from.toISOString()).toBe('2026-11-20T17:00:00.000Z');
    expect(bounds.to.toISOString()).toBe('2026-11-21T17:00:00.000Z');
  });

  it('keeps the previous local day until local midnight', () => {
    const bounds = localDayBounds(new Date('2026-11-20T16:59:59Z'), 'Asia/Ho_Chi_Minh');
    expect(bounds.from.toISOString()).toBe('2026-11-19T17:00:00.000Z');
  });

  it('handles a 23-hour day where clocks change', () => {
    // Paris springs forward on 29 March 2026: the day has 23 hours.
    const bounds = localDayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/Paris');
    expect(bounds.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(bounds.to.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

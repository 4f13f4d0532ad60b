import { describe, expect, it } from 'vitest';
import { formatDateTime, formatHour, formatTime } from './format';

describe('formatting', () => {
  it('shows times on the Asia/Ho_Chi_Minh clock whatever the device zone', () => {
    // 17:30 UTC is 00:30 the next day in Quảng Ninh (UTC+7).
    expect(formatTime('2026-11-20T17:30:05Z', 'vi')).toBe('00:30:05');
    expect(formatDateTime('2026-11-20T17:30:05Z', 'en')).toContain('21 Nov 2026');
  });

  it('writes hours on the 24-hour clock', () => {
    expect(formatHour(9)).toBe('09:00');
    expect(formatHour(23)).toBe('23:00');
  });
});

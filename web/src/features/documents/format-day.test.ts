import { describe, expect, it } from 'vitest';
import { formatDay } from './format-day';

describe('formatDay', () => {
  it('writes a register day without shifting it by a time zone', () => {
    expect(formatDay('2026-11-22', 'vi')).toBe('22/11/2026');
    expect(formatDay('2026-01-05', 'en')).toBe('05 Jan 2026');
  });
});

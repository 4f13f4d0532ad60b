import { describe, expect, it } from 'vitest';
import { parseWorkingHours, workingDayLengthMs } from './working-hours';

describe('working hours setting', () => {
  it('reads the default office hours as an 8-hour day', () => {
    const periods = parseWorkingHours('07:00-11:30,13:30-17:00');
    expect(periods).toEqual([
      { start: 420, end: 690 },
      { start: 810, end: 1020 },
    ]);
    expect(workingDayLengthMs(periods)).toBe(8 * 3_600_000);
  });

  it.each([
    ['07:00-11:30;13:30-17:00', /must look like/],
    ['11:30-07:00', /must end after they start/],
    ['07:00-12:00,11:00-17:00', /overlap or are out of order/],
    ['13:30-17:00,07:00-11:30', /overlap or are out of order/],
    ['07:00-25:00', /not a time of day/],
    ['07:60-11:00', /not a time of day/],
  ])('refuses "%s"', (text, message) => {
    expect(() => parseWorkingHours(text)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkingCalendar, type CalendarExceptionDay } from './working-calendar';

const HOUR = 3_600_000;
const VIETNAM = 7 * HOUR;

const makeUpSaturday: CalendarExceptionDay = {
  date: '2026-03-14',
  kind: 'working_day',
  name: 'Làm bù cho ngày nghỉ 2/1/2026',
  nameEn: 'Make-up working day for 2 January 2026',
};
const bridgingFriday: CalendarExceptionDay = {
  date: '2026-01-02',
  kind: 'day_off',
  name: 'Nghỉ liền Tết Dương lịch',
  nameEn: "Day off after New Year's Day",
};

const plain = new WorkingCalendar({ years: { from: 2025, to: 2027 } });
const decided = new WorkingCalendar({
  years: { from: 2025, to: 2027 },
  exceptions: [makeUpSaturday, bridgingFriday],
});

const at = (iso: string) => new Date(iso);
const local = (calendar: WorkingCalendar, instant: Date) => calendar.formatLocal(instant);
const hours = (ms: number) => ms / HOUR;

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('working days', () => {
  it('rests on weekends, holidays and in-lieu days; works otherwise', () => {
    expect(plain.isWorkingDay('2026-03-05')).toBe(true); // Thursday
    expect(plain.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(plain.isWorkingDay(date)).toBe(false);
    }
    expect(plain.isWorkingDay('2026-02-13')).toBe(true);
    expect(plain.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('makes up the Hùng Kings day of 2026 (a Sunday) on Monday 27 April', () => {
    expect(plain.dayStatus('2026-04-26')).toMatchObject({ working: false, reason: 'statutory' });
    expect(plain.dayStatus('2026-04-27')).toEqual({
      date: '2026-04-27',
      working: false,
      reason: 'in_lieu',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: "Hùng Kings' Commemoration Day (in lieu)",
    });
  });

  it('follows the decisions recorded as exceptions', () => {
    expect(decided.dayStatus('2026-03-14')).toMatchObject({
      working: true,
      reason: 'exception_working_day',
      name: makeUpSaturday.name,
    });
    expect(decided.isWorkingDay('2026-01-02')).toBe(false);
    expect(decided.dayStatus('2026-01-02', { ignoreExceptions: true })).toMatchObject({
      working: true,
      reason: 'weekday',
    });
    const workedHoliday = new WorkingCalendar({
      years: { from: 2026, to: 2026 },
      exceptions: [{ date: '2026-09-03', kind: 'working_day', name: 'Đi làm', nameEn: 'Work' }],
    });
    expect(workedHoliday.isWorkingDay('2026-09-03')).toBe(true);
  });

  it('lists the days off and the make-up days of a year', () => {
    const { daysOff, workingDays } = decided.yearOverview(2026);
    expect(daysOff.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-01-01 statutory',
      '2026-01-02 exception',
      '2026-02-16 statutory',
      '2026-02-17 statutory',
      '2026-02-18 statutory',
      '2026-02-19 statutory',
      '2026-02-20 statutory',
      '2026-04-26 statutory',
      '2026-04-27 in_lieu',
      '2026-04-30 statutory',
      '2026-05-01 statutory',
      '2026-09-02 statutory',
      '2026-09-03 statutory',
    ]);
    expect(workingDays).toEqual([
      { date: '2026-03-14', name: makeUpSaturday.name, nameEn: makeUpSaturday.nameEn },
    ]);
  });

  it('answers only for the years it was built for', () => {
    expect(thrown(() => plain.isWorkingDay('2028-01-03'))).toMatchObject({
      code: 'CALENDAR_OUT_OF_RANGE',
      status: 422,
    });
    // Friday 31 December 2027: the second working day would be in 2028.
    expect(thrown(() => plain.addWorkingDays(at('2027-12-31T10:00:00+07:00'), 2))).toMatchObject({
      code: 'CALENDAR_OUT_OF_RANGE',
    });
  });
});

describe('deadlines in working days (dossiers)', () => {
  it('counts the day of receipt and skips the weekend', () => {
    // Thursday 5 March 2026: Thursday is day 1, Friday day 2, Monday 9 day 3.
    const due = plain.addWorkingDays(at('2026-03-05T10:00:00+07:00'), 3);
    expect(local(plain, due)).toBe('2026-03-09T17:00:00+07:00');
    expect(due.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('skips the Tết 2026 break', () => {
    // Friday 13 February is day 1; 14–22 February (weekend, Tết, weekend) are off;
    // Monday 23 is day 2 and Tuesday 24 is day 3.
    const due = plain.addWorkingDays(at('2026-02-13T10:00:00+07:00'), 3);
    expect(local(plain, due)).toBe('2026-02-24T17:00:00+07:00');
    const lateOnFriday = plain.addWorkingDays(at('2026-02-13T17:30:00+07:00'), 3);
    expect(local(plain, lateOnFriday)).toBe('2026-02-25T17:00:00+07:00');
  });

  it('skips the Hùng Kings in-lieu day and the 30 April – 1 May holidays', () => {
    const friday = at('2026-04-24T10:00:00+07:00');
    expect(local(plain, plain.addWorkingDays(friday, 2))).toBe('2026-04-28T17:00:00+07:00');
    expect(local(plain, plain.addWorkingDays(friday, 4))).toBe('2026-05-04T17:00:00+07:00');
  });

  it('counts from the next working day after 17:00 or on a day off', () => {
    const monday = (time: string) => at(`2026-03-02T${time}+07:00`);
    expect(local(plain, plain.addWorkingDays(monday('06:00:00'), 1))).toBe(
      '2026-03-02T17:00:00+07:00',
    );
    expect(local(plain, plain.addWorkingDays(monday('16:59:59'), 1))).toBe(
      '2026-03-02T17:00:00+07:00',
    );
    expect(local(plain, plain.addWorkingDays(monday('17:00:00'), 1))).toBe(
      '2026-03-03T17:00:00+07:00',
    );
    expect(local(plain, plain.addWorkingDays(monday('21:15:00'), 1))).toBe(
      '2026-03-03T17:00:00+07:00',
    );
    const saturday = at('2026-03-07T09:00:00+07:00');
    expect(local(plain, plain.addWorkingDays(saturday, 1))).toBe('2026-03-09T17:00:00+07:00');
  });

  it('counts a make-up Saturday as a working day', () => {
    const friday = at('2026-03-13T10:00:00+07:00');
    expect(local(decided, decided.addWorkingDays(friday, 2))).toBe('2026-03-14T17:00:00+07:00');
    expect(local(plain, plain.addWorkingDays(friday, 2))).toBe('2026-03-16T17:00:00+07:00');
    const onTheSaturday = at('2026-03-14T09:00:00+07:00');
    expect(local(decided, decided.addWorkingDays(onTheSaturday, 1))).toBe(
      '2026-03-14T17:00:00+07:00',
    );
  });

  it('refuses a count that is not a whole number of days', () => {
    expect(() => plain.addWorkingDays(at('2026-03-02T10:00:00+07:00'), 0)).toThrow(RangeError);
    expect(() => plain.addWorkingDays(at('2026-03-02T10:00:00+07:00'), 1.5)).toThrow(RangeError);
  });
});

describe('deadlines in working hours (citizen reports)', () => {
  it('skips the lunch break', () => {
    const due = plain.addWorkingHours(at('2026-03-02T10:30:00+07:00'), 2);
    expect(local(plain, due)).toBe('2026-03-02T14:30:00+07:00');
    const fromLunch = plain.addWorkingHours(at('2026-03-02T12:00:00+07:00'), 0.5);
    expect(local(plain, fromLunch)).toBe('2026-03-02T14:00:00+07:00');
  });

  it('ends on the end of a period rather than the start of the next', () => {
    const due = plain.addWorkingHours(at('2026-03-02T07:00:00+07:00'), 4.5);
    expect(local(plain, due)).toBe('2026-03-02T11:30:00+07:00');
  });

  it('skips nights and weekends', () => {
    const due = plain.addWorkingHours(at('2026-03-06T16:00:00+07:00'), 2);
    expect(local(plain, due)).toBe('2026-03-09T08:00:00+07:00');
  });

  it('skips the Tết break', () => {
    // Thursday 12 February 16:00: 1 h that day, 8 h on Friday, the last hour on Monday 23.
    const due = plain.addWorkingHours(at('2026-02-12T16:00:00+07:00'), 10);
    expect(local(plain, due)).toBe('2026-02-23T08:00:00+07:00');
  });

  it('works on a make-up Saturday', () => {
    const due = decided.addWorkingHours(at('2026-03-13T16:00:00+07:00'), 2);
    expect(local(decided, due)).toBe('2026-03-14T08:00:00+07:00');
  });

  it('takes hours to the minute', () => {
    const due = plain.addWorkingHours(at('2026-03-02T08:00:00+07:00'), 1 / 60);
    expect(local(plain, due)).toBe('2026-03-02T08:01:00+07:00');
    const start = at('2026-03-02T08:00:00+07:00');
    expect(plain.addWorkingHours(start, 0).getTime()).toBe(start.getTime());
  });

  it('follows the wall clock of the configured time zone across a clock change', () => {
    // Europe/Paris moves from +01:00 to +02:00 on Sunday 29 March 2026.
    const paris = new WorkingCalendar({
      years: { from: 2026, to: 2026 },
      timezone: 'Europe/Paris',
      workingHours: '08:00-12:00,14:00-18:00',
    });
    const due = paris.addWorkingHours(at('2026-03-27T17:00:00+01:00'), 2);
    expect(paris.formatLocal(due)).toBe('2026-03-30T09:00:00+02:00');
    const days = paris.addWorkingDays(at('2026-03-27T10:00:00+01:00'), 2);
    expect(paris.formatLocal(days)).toBe('2026-03-30T18:00:00+02:00');
  });
});

describe('working time between two instants', () => {
  const monday8 = at('2026-03-02T08:00:00+07:00');
  const wednesday8 = at('2026-03-04T08:00:00+07:00');

  it('counts only working periods', () => {
    const ms = plain.workingTimeBetween(monday8, wednesday8);
    expect(hours(ms)).toBe(16);
    expect(plain.toWorkingDays(ms)).toBe(2);
    // Across Tết 2026: Friday 13 from 08:00 (7 h) and Monday 23 until 08:00 (1 h).
    const acrossTet = plain.workingTimeBetween(
      at('2026-02-13T08:00:00+07:00'),
      at('2026-02-23T08:00:00+07:00'),
    );
    expect(hours(acrossTet)).toBe(8);
  });

  it('leaves out paused intervals, counted once even when they overlap', () => {
    const waitingForCitizen = {
      start: at('2026-03-02T13:00:00+07:00'),
      end: at('2026-03-03T09:00:00+07:00'),
    };
    // Paused: Monday 13:30–17:00 (3.5 h) and Tuesday 07:00–09:00 (2 h).
    expect(hours(plain.workingTimeBetween(monday8, wednesday8, [waitingForCitizen]))).toBe(10.5);
    const overlapping = [
      waitingForCitizen,
      { start: at('2026-03-02T16:00:00+07:00'), end: at('2026-03-02T18:00:00+07:00') },
      { start: at('2026-03-03T08:00:00+07:00'), end: at('2026-03-03T08:30:00+07:00') },
      { start: at('2026-02-23T08:00:00+07:00'), end: at('2026-02-24T08:00:00+07:00') },
    ];
    expect(hours(plain.workingTimeBetween(monday8, wednesday8, overlapping))).toBe(10.5);
  });

  it('refuses an end before the start', () => {
    expect(thrown(() => plain.workingTimeBetween(wednesday8, monday8))).toMatchObject({
      code: 'CALENDAR_INVALID_PERIOD',
    });
  });
});

describe('properties', () => {
  const from = at('2025-01-01T00:00:00+07:00').getTime();
  const until = at('2027-06-01T00:00:00+07:00').getTime();
  const instant = fc.integer({ min: from, max: until }).map((ms) => new Date(ms));
  const msOfLocalDay = (d: Date) =>
    (((d.getTime() + VIETNAM) % 86_400_000) + 86_400_000) % 86_400_000;
  const insideWorkingHours = (d: Date) => {
    const minute = msOfLocalDay(d) / 60_000;
    return (minute > 420 && minute <= 690) || (minute > 810 && minute <= 1020);
  };

  it('adding working hours then measuring them gives the same time back', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 8 * 60 * 40 }), (start, minutes) => {
        const due = decided.addWorkingHours(start, minutes / 60);
        expect(decided.workingTimeBetween(start, due)).toBe(minutes * 60_000);
      }),
      { numRuns: 300 },
    );
  });

  it('lands working-hour deadlines inside working hours of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 8 * 60 * 40 }), (start, minutes) => {
        const due = decided.addWorkingHours(start, minutes / 60);
        expect(insideWorkingHours(due)).toBe(true);
        expect(decided.isWorkingDay(decided.localDate(due))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('ends working-day deadlines at 17:00 of a working day, one day after the other', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, days) => {
        const due = decided.addWorkingDays(start, days);
        expect(msOfLocalDay(due)).toBe(17 * HOUR);
        expect(decided.isWorkingDay(decided.localDate(due))).toBe(true);
        expect(decided.addWorkingDays(start, days + 1)).toEqual(decided.addWorkingDays(due, 1));
        const worked = decided.workingTimeBetween(start, due);
        expect(worked).toBeLessThanOrEqual(days * 8 * HOUR);
        expect(worked).toBeGreaterThan((days - 1) * 8 * HOUR);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up working time over consecutive ranges and subtracts pauses exactly', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 5, maxLength: 5 }), (points) => {
        const [a, b, c, p, q] = [...points].sort((x, y) => x.getTime() - y.getTime()) as [
          Date,
          Date,
          Date,
          Date,
          Date,
        ];
        const whole = decided.workingTimeBetween(a, c);
        expect(whole).toBe(decided.workingTimeBetween(a, b) + decided.workingTimeBetween(b, c));
        const pause = { start: b, end: q };
        const pausedInside = decided.workingTimeBetween(
          b,
          new Date(Math.min(c.getTime(), q.getTime())),
        );
        expect(decided.workingTimeBetween(a, c, [pause])).toBe(whole - pausedInside);
        expect(decided.workingTimeBetween(a, c, [pause, pause, { start: p, end: p }])).toBe(
          whole - pausedInside,
        );
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../kernel/calendar';
import { appointmentFor, extendForPause, stepDueDates, timeliness } from './dossier-deadlines';

// 2026: Tết Bính Ngọ falls on Tuesday 17 February; the break runs Monday 16 to Friday 20.
const calendar = new WorkingCalendar({ years: { from: 2025, to: 2027 } });
// The province decides to work Saturday 14 March 2026 (a make-up day).
const withMakeUpSaturday = new WorkingCalendar({
  years: { from: 2025, to: 2027 },
  exceptions: [
    {
      date: '2026-03-14',
      kind: 'working_day',
      name: 'Làm bù ngày 2/1/2026',
      nameEn: 'Make-up for 2 January 2026',
    },
  ],
});

/** An instant written in Vietnam's time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const shown = (c: WorkingCalendar, instant: Date) => c.formatLocal(instant);

describe('the appointment to return a result', () => {
  it('counts working days from the day of receipt, across the Tết break', () => {
    const due = appointmentFor(calendar, vn('2026-02-13T10:00:00'), {
      amount: 3,
      unit: 'NGAY_LAM_VIEC',
    });
    expect(shown(calendar, due)).toBe('2026-02-24T17:00:00+07:00');
  });

  it('counts a dossier received after 17:00 from the next working day', () => {
    const oneDay = { amount: 1, unit: 'NGAY_LAM_VIEC' } as const;
    expect(shown(calendar, appointmentFor(calendar, vn('2026-03-12T16:59:00'), oneDay))).toBe(
      '2026-03-12T17:00:00+07:00',
    );
    expect(shown(calendar, appointmentFor(calendar, vn('2026-03-12T17:00:00'), oneDay))).toBe(
      '2026-03-13T17:00:00+07:00',
    );
    // Received on Friday evening: Monday is day 1.
    expect(shown(calendar, appointmentFor(calendar, vn('2026-03-13T18:30:00'), oneDay))).toBe(
      '2026-03-16T17:00:00+07:00',
    );
  });

  it('works a make-up Saturday as a working day', () => {
    const twoDays = { amount: 2, unit: 'NGAY_LAM_VIEC' } as const;
    const received = vn('2026-03-13T10:00:00');
    expect(shown(calendar, appointmentFor(calendar, received, twoDays))).toBe(
      '2026-03-16T17:00:00+07:00',
    );
    expect(shown(calendar, appointmentFor(withMakeUpSaturday, received, twoDays))).toBe(
      '2026-03-14T17:00:00+07:00',
    );
  });

  it('counts calendar days from the day after receipt, moving off a day off', () => {
    const fiveDays = { amount: 5, unit: 'NGAY' } as const;
    // 13 + 5 = 18 February, in the Tết break: the next working day is Monday 23.
    expect(shown(calendar, appointmentFor(calendar, vn('2026-02-13T10:00:00'), fiveDays))).toBe(
      '2026-02-23T17:00:00+07:00',
    );
    // Received on Saturday 14 February: legally on Monday 23; + 5 = Saturday 28 → Monday 2 March.
    expect(shown(calendar, appointmentFor(calendar, vn('2026-02-14T09:00:00'), fiveDays))).toBe(
      '2026-03-02T17:00:00+07:00',
    );
    // Calendar days run through weekends the working days skip.
    const received = vn('2026-03-02T09:00:00');
    expect(shown(calendar, appointmentFor(calendar, received, { amount: 10, unit: 'NGAY' }))).toBe(
      '2026-03-12T17:00:00+07:00',
    );
    expect(
      shown(calendar, appointmentFor(calendar, received, { amount: 10, unit: 'NGAY_LAM_VIEC' })),
    ).toBe('2026-03-13T17:00:00+07:00');
  });

  it('counts working hours inside the working periods only', () => {
    // 15:00–17:00 on Monday (2 h), 07:00–11:30 (4.5 h) and 13:30–15:00 (1.5 h) on Tuesday.
    const due = appointmentFor(calendar, vn('2026-03-02T15:00:00'), {
      amount: 8,
      unit: 'GIO_LAM_VIEC',
    });
    expect(shown(calendar, due)).toBe('2026-03-03T15:00:00+07:00');
    // Half a working day is four working hours: 10:00–11:30 and 13:30–16:00.
    const half = appointmentFor(calendar, vn('2026-03-02T10:00:00'), {
      amount: 0.5,
      unit: 'NGAY_LAM_VIEC',
    });
    expect(shown(calendar, half)).toBe('2026-03-02T16:00:00+07:00');
  });

  it('refuses a processing time that is not positive', () => {
    expect(() =>
      appointmentFor(calendar, vn('2026-03-02T10:00:00'), { amount: 0, unit: 'NGAY' }),
    ).toThrow(RangeError);
  });
});

describe("the steps' due dates", () => {
  const received = vn('2026-03-02T08:00:00');
  const appointment = appointmentFor(calendar, received, { amount: 10, unit: 'NGAY_LAM_VIEC' });
  const shares = [10, 50, 20, 10, 10];
  const dues = stepDueDates(calendar, received, appointment, shares);

  it('shares the working time out in order, the last step ending at the appointment', () => {
    expect(shown(calendar, appointment)).toBe('2026-03-13T17:00:00+07:00');
    // 79 working hours in all (Monday from 08:00, then nine full days); 10% is 7 h 54 min:
    // Monday 08:00–17:00 gives 7 h, Tuesday 07:00–07:54 the rest.
    expect(shown(calendar, dues[0]!)).toBe('2026-03-03T07:54:00+07:00');
    expect(dues.at(-1)).toEqual(appointment);
    const total = calendar.workingTimeBetween(received, appointment);
    let cumulative = 0;
    dues.forEach((due, index) => {
      cumulative += shares[index]!;
      const spent = calendar.workingTimeBetween(received, due);
      expect(Math.abs(spent - (total * cumulative) / 100)).toBeLessThan(60_000);
    });
  });

  it('gives a step without a share the due date of the one before it', () => {
    const [first, second] = stepDueDates(calendar, received, appointment, [30, 0, 70]);
    expect(second).toEqual(first);
  });
});

describe('a pause while the applicant supplies documents', () => {
  const due = vn('2026-03-13T17:00:00');

  it('moves the due date by the working time the dossier waited', () => {
    // Tuesday 09:00 to Wednesday 09:00 is 8 working hours: a whole working day later.
    const moved = extendForPause(calendar, due, {
      start: vn('2026-03-10T09:00:00'),
      end: vn('2026-03-11T09:00:00'),
    });
    expect(shown(calendar, moved)).toBe('2026-03-16T17:00:00+07:00');
  });

  it('does not count the nights and the weekend of a pause', () => {
    // Friday 16:00 to Monday 08:00: one hour each side.
    const moved = extendForPause(calendar, due, {
      start: vn('2026-03-06T16:00:00'),
      end: vn('2026-03-09T08:00:00'),
    });
    expect(shown(calendar, moved)).toBe('2026-03-16T09:00:00+07:00');
    const overnight = extendForPause(calendar, due, {
      start: vn('2026-03-10T17:30:00'),
      end: vn('2026-03-11T06:45:00'),
    });
    expect(overnight).toEqual(due);
  });
});

describe('early, on time, late', () => {
  const due = vn('2026-03-13T17:00:00');

  it('says early for a day before, on time up to the due instant, late after it', () => {
    expect(timeliness(calendar, vn('2026-03-12T16:00:00'), due)).toBe('early');
    expect(timeliness(calendar, vn('2026-03-13T08:00:00'), due)).toBe('on_time');
    expect(timeliness(calendar, due, due)).toBe('on_time');
    expect(timeliness(calendar, vn('2026-03-13T17:00:01'), due)).toBe('late');
    expect(timeliness(calendar, vn('2026-03-16T07:30:00'), due)).toBe('late');
  });
});

/**
 * A dossier's deadlines on the working-day calendar (kernel/calendar): the appointment to
 * return the result (ngày hẹn trả), each processing step's share of the time before it, the
 * time the applicant spends supplying documents (which does not count), and whether a
 * dossier or a step finished early, on time or late.
 *
 * Working days (Decree 61/2018/NĐ-CP and the one-stop rules): a dossier received on a working
 * day before the end of the working hours counts that day as day 1; received later or on a
 * day off, from the next working day; the deadline is the end of the working hours of the
 * last day. Calendar days (Civil Code 2015, arts. 147–148): the day of receipt is not counted;
 * a deadline falling on a day off moves to the end of the next working day. Working hours run
 * only inside the working periods (07:00–11:30, 13:30–17:00 by default).
 */
import type { WorkingCalendar } from '../../../kernel/calendar';
import { addDays } from '../../../kernel/calendar';
import type { TimeUnit } from '../catalog';

const HOUR_MS = 3_600_000;
/** A working day is eight working hours: how a fraction of a day (0,5 ngày) is counted. */
const WORKING_DAY_HOURS = 8;

export interface ProcessingTime {
  amount: number;
  unit: TimeUnit;
}

export type Timeliness = 'early' | 'on_time' | 'late';

/** The appointment to return the result of a dossier received at `receivedAt`. */
export function appointmentFor(
  calendar: WorkingCalendar,
  receivedAt: Date,
  time: ProcessingTime,
): Date {
  if (!(time.amount > 0)) throw new RangeError(`a processing time must be > 0 (${time.amount})`);
  switch (time.unit) {
    case 'GIO_LAM_VIEC':
      return calendar.addWorkingHours(receivedAt, time.amount);
    case 'NGAY_LAM_VIEC':
      return Number.isInteger(time.amount)
        ? calendar.addWorkingDays(receivedAt, time.amount)
        : calendar.addWorkingHours(receivedAt, time.amount * WORKING_DAY_HOURS);
    case 'NGAY':
      return calendarDaysDeadline(calendar, receivedAt, Math.ceil(time.amount));
  }
}

/**
 * Calendar days: counted from the day after the legal day of receipt (the day itself when
 * received in working hours of a working day, else the next working day — day 1 of a
 * one-working-day deadline, which addWorkingDays gives), ending at the close of the last
 * day, or of the next working day when the last day is off.
 */
function calendarDaysDeadline(calendar: WorkingCalendar, receivedAt: Date, days: number): Date {
  const receiptDay = calendar.localDate(calendar.addWorkingDays(receivedAt, 1));
  let last = addDays(receiptDay, days);
  while (!calendar.isWorkingDay(last)) last = addDays(last, 1);
  return calendar.closeOfDay(last);
}

/**
 * When each step is due: the working time from receipt to the appointment, shared out by the
 * steps' shares in percent, one after the other; the last step is due at the appointment.
 * A step with no share is due when the one before it is.
 */
export function stepDueDates(
  calendar: WorkingCalendar,
  receivedAt: Date,
  appointment: Date,
  shares: readonly number[],
): Date[] {
  const total = calendar.workingTimeBetween(receivedAt, appointment);
  let cumulative = 0;
  return shares.map((share, index) => {
    cumulative += share;
    if (index === shares.length - 1 || cumulative >= 100) return appointment;
    const due = calendar.addWorkingHours(receivedAt, (total * cumulative) / 100 / HOUR_MS);
    return due.getTime() > appointment.getTime() ? appointment : due;
  });
}

/**
 * A due date moved by the working time a dossier spent waiting for the applicant (a request
 * for more documents, from the request to the supply): that time is not the agency's.
 */
export function extendForPause(
  calendar: WorkingCalendar,
  due: Date,
  pause: { start: Date; end: Date },
): Date {
  const paused = calendar.workingTimeBetween(pause.start, pause.end);
  if (paused === 0) return due;
  return calendar.addWorkingHours(due, paused / HOUR_MS);
}

/**
 * Early when finished on a day before the due day, on time until the due instant, late
 * after it (Decision 766/QĐ-TTg counts the three).
 */
export function timeliness(calendar: WorkingCalendar, finishedAt: Date, due: Date): Timeliness {
  if (finishedAt.getTime() > due.getTime()) return 'late';
  return calendar.localDate(finishedAt) < calendar.localDate(due) ? 'early' : 'on_time';
}

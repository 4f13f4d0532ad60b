/**
 * Rules of the calendar administration (the exceptions decided each year) and of the
 * public computations. Routes call these; other parts use `loadWorkingCalendar` directly.
 */
import type { AppContext } from '../context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit';
import { httpErrors } from '../errors/common.errors';
import { calendarErrors } from './calendar.errors';
import {
  deleteCalendarException as deleteRow,
  findCalendarExceptionByDate,
  insertCalendarException,
  listCalendarExceptions as listRows,
  type CalendarExceptionRow,
} from './calendar.queries';
import { CALENDAR_YEARS, invalidateWorkingCalendar, loadWorkingCalendar } from './calendar-loader';
import type { CalendarExceptionKind, WorkingCalendar } from './working-calendar';
import type { LocalDate } from './local-date';

export interface CalendarExceptionInput {
  date: LocalDate;
  kind: CalendarExceptionKind;
  name: string;
  nameEn: string;
}

/** Who asks for a change, for the audit log. */
export interface CalendarActor {
  principal: Principal;
  ip: string | null;
  requestId: string | null;
}

const UNIQUE_VIOLATION = '23505';

export async function listCalendarExceptions(
  ctx: AppContext,
  year: number,
): Promise<CalendarExceptionRow[]> {
  checkYear(year);
  return listRows(ctx.db, `${year}-01-01`, `${year}-12-31`);
}

/**
 * Records a decision for one date. A date holds at most one decision, and a decision must
 * change something: a working day on a date that is worked anyway (or a day off on a date
 * that is off anyway) is refused, as it most likely points at a wrong date.
 */
export async function createCalendarException(
  ctx: AppContext,
  actor: CalendarActor,
  input: CalendarExceptionInput,
): Promise<CalendarExceptionRow> {
  checkYear(Number(input.date.slice(0, 4)));
  const existing = await findCalendarExceptionByDate(ctx.db, input.date);
  if (existing) throw calendarErrors.CALENDAR_EXCEPTION_EXISTS({ id: existing.id });

  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  const byRule = calendar.dayStatus(input.date, { ignoreExceptions: true });
  if (byRule.working === (input.kind === 'working_day')) {
    throw calendarErrors.CALENDAR_EXCEPTION_NO_EFFECT({
      date: input.date,
      working: byRule.working,
      reason: byRule.reason,
    });
  }

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await insertCalendarException(trx, {
        date: input.date,
        kind: input.kind,
        name: input.name.trim(),
        nameEn: input.nameEn.trim(),
        createdBy: actor.principal.id,
      });
      await recordAudit(trx, {
        ...auditActor(actor),
        action: 'calendar.exception_added',
        recordType: 'calendar_exception',
        recordId: row.id,
        details: { date: row.date, kind: row.kind, name: row.name },
      });
      return row;
    });
  } catch (error) {
    // Two administrators recording the same date at once: the unique index decides.
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
      throw calendarErrors.CALENDAR_EXCEPTION_EXISTS({ date: input.date });
    }
    throw error;
  } finally {
    invalidateWorkingCalendar(ctx.db);
  }
}

export async function deleteCalendarException(
  ctx: AppContext,
  actor: CalendarActor,
  id: string,
): Promise<void> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const deleted = await deleteRow(trx, id);
      if (!deleted) throw calendarErrors.CALENDAR_EXCEPTION_NOT_FOUND({ id });
      await recordAudit(trx, {
        ...auditActor(actor),
        action: 'calendar.exception_removed',
        recordType: 'calendar_exception',
        recordId: deleted.id,
        details: { date: deleted.date, kind: deleted.kind, name: deleted.name },
      });
    });
  } finally {
    invalidateWorkingCalendar(ctx.db);
  }
}

export async function workingCalendarOf(ctx: AppContext): Promise<WorkingCalendar> {
  return loadWorkingCalendar(ctx.db, ctx.config);
}

export interface DeadlineRequest {
  workingDays?: number;
  workingHours?: number;
}

/** The deadline from `from` after exactly one of a number of working days or hours. */
export function computeDeadline(
  calendar: WorkingCalendar,
  from: Date,
  request: DeadlineRequest,
): { deadline: Date; unit: 'working_days' | 'working_hours'; amount: number } {
  const { workingDays, workingHours } = request;
  if ((workingDays === undefined) === (workingHours === undefined)) {
    throw httpErrors.VALIDATION_FAILED([
      {
        field: 'querystring.workingDays',
        message: 'give exactly one of workingDays, workingHours',
      },
    ]);
  }
  if (workingDays !== undefined) {
    return {
      deadline: calendar.addWorkingDays(from, workingDays),
      unit: 'working_days',
      amount: workingDays,
    };
  }
  return {
    deadline: calendar.addWorkingHours(from, workingHours!),
    unit: 'working_hours',
    amount: workingHours!,
  };
}

function auditActor(actor: CalendarActor) {
  return {
    actorType: actor.principal.kind,
    actorId: actor.principal.id,
    ip: actor.ip,
    requestId: actor.requestId,
  };
}

function checkYear(year: number): void {
  if (!(year >= CALENDAR_YEARS.from && year <= CALENDAR_YEARS.to)) {
    throw calendarErrors.CALENDAR_OUT_OF_RANGE({ year, years: CALENDAR_YEARS });
  }
}

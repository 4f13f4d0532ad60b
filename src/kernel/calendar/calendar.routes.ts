/**
 * Calendar API. Public: the days off of a year, working time between two instants, and a
 * deadline calculator. Administration (permission `calendar.manage`): the exceptions the
 * province records each year from the government's decisions.
 */
import { Type } from 'typebox';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { calendarErrors } from './calendar.errors';
import {
  CalendarException,
  CalendarExceptionList,
  Deadline,
  DeadlineQuery,
  ExceptionIdParams,
  NewCalendarExceptionBody,
  WorkingTime,
  WorkingTimeQuery,
  YearHolidays,
  YearQuery,
  type CalendarExceptionView,
} from './calendar.schemas';
import {
  computeDeadline,
  createCalendarException,
  deleteCalendarException,
  listCalendarExceptions,
  workingCalendarOf,
} from './calendar.service';
import type { CalendarExceptionRow } from './calendar.queries';

const PERMISSION = 'calendar.manage';
const TAGS = ['calendar'];

export async function calendarRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/calendar/holidays',
    {
      schema: {
        tags: TAGS,
        summary: 'Days off of a year: holidays, in-lieu days and decided days off',
        querystring: YearQuery,
        response: { 200: YearHolidays },
      },
    },
    async (request) => {
      const calendar = await workingCalendarOf(ctx);
      const { daysOff, workingDays } = calendar.yearOverview(request.query.year);
      return { year: request.query.year, timezone: calendar.timezone, daysOff, workingDays };
    },
  );

  app.get(
    '/calendar/working-time',
    {
      schema: {
        tags: TAGS,
        summary: 'Working time between two instants',
        querystring: WorkingTimeQuery,
        response: { 200: WorkingTime },
      },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (to < from) throw calendarErrors.CALENDAR_INVALID_PERIOD({ from, to });
      const calendar = await workingCalendarOf(ctx);
      const workingMs = calendar.workingTimeBetween(from, to);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        workingMs,
        workingHours: workingMs / 3_600_000,
        workingDays: calendar.toWorkingDays(workingMs),
      };
    },
  );

  app.get(
    '/calendar/deadline',
    {
      schema: {
        tags: TAGS,
        summary: 'Deadline after a number of working days or working hours',
        description:
          'Working days: a submission on a working day before the end of working hours ' +
          'counts that day as day 1; later, or on a day off, day 1 is the next working day. ' +
          'The deadline is the end of working hours of day n. Working hours skip breaks, ' +
          'nights and days off.',
        querystring: DeadlineQuery,
        response: { 200: Deadline },
      },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const calendar = await workingCalendarOf(ctx);
      const { deadline, unit, amount } = computeDeadline(calendar, from, request.query);
      return {
        from: from.toISOString(),
        deadline: deadline.toISOString(),
        deadlineLocal: calendar.formatLocal(deadline),
        timezone: calendar.timezone,
        unit,
        amount,
      };
    },
  );

  app.get(
    '/calendar/exceptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Calendar exceptions recorded for a year',
        querystring: YearQuery,
        response: { 200: CalendarExceptionList },
      },
    },
    async (request) => {
      requirePermission(request, PERMISSION);
      const rows = await listCalendarExceptions(ctx, request.query.year);
      return { year: request.query.year, items: rows.map(present) };
    },
  );

  app.post(
    '/calendar/exceptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a decided day off or make-up working day',
        body: NewCalendarExceptionBody,
        response: { 201: CalendarException },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, PERMISSION);
      const actor = { principal, ip: request.ip, requestId: request.id };
      const row = await createCalendarException(ctx, actor, request.body);
      return reply.status(201).send(present(row));
    },
  );

  app.delete(
    '/calendar/exceptions/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Remove a calendar exception',
        params: ExceptionIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, PERMISSION);
      const actor = { principal, ip: request.ip, requestId: request.id };
      await deleteCalendarException(ctx, actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

function present(row: CalendarExceptionRow): CalendarExceptionView {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    name: row.name,
    nameEn: row.nameEn,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

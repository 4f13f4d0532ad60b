/** SQL for the calendar exceptions. Functions take the database or a transaction first. */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { CalendarExceptionTable } from './calendar.tables';
import type { LocalDate } from './local-date';

/**
 * The platform database or a transaction on it. Kysely's database type is invariant, so the
 * queries take the whole kernel schema rather than the calendar's slice of it.
 */
export type CalendarDb = Db;
export type CalendarExceptionRow = Selectable<CalendarExceptionTable>;

export interface NewCalendarException {
  date: LocalDate;
  kind: CalendarExceptionTable['kind'];
  name: string;
  nameEn: string;
  createdBy: string | null;
}

/** Exceptions dated within [from, to], in date order. */
export async function listCalendarExceptions(
  db: CalendarDb,
  from: LocalDate,
  to: LocalDate,
): Promise<CalendarExceptionRow[]> {
  return db
    .selectFrom('calendarException')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function findCalendarExceptionByDate(
  db: CalendarDb,
  date: LocalDate,
): Promise<CalendarExceptionRow | undefined> {
  return db.selectFrom('calendarException').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function insertCalendarException(
  db: CalendarDb,
  exception: NewCalendarException,
): Promise<CalendarExceptionRow> {
  return db
    .insertInto('calendarException')
    .values(exception)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the exception; returns it, or undefined when there was none. */
export async function deleteCalendarException(
  db: CalendarDb,
  id: string,
): Promise<CalendarExceptionRow | undefined> {
  return db.deleteFrom('calendarException').where('id', '=', id).returningAll().executeTakeFirst();
}

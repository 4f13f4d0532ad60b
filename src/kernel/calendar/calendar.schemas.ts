/** Request and response shapes of the calendar API (validation, OpenAPI, response filtering). */
import { Type, type Static } from 'typebox';
import { CALENDAR_YEARS } from './calendar-loader';

const Year = Type.Integer({
  minimum: CALENDAR_YEARS.from,
  maximum: CALENDAR_YEARS.to,
  description: 'Gregorian year',
});
const LocalDateText = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });
const Instant = Type.String({
  format: 'date-time',
  description: 'ISO 8601 instant with its offset, e.g. 2026-02-13T10:00:00+07:00',
});
const ExceptionKind = Type.Union([Type.Literal('day_off'), Type.Literal('working_day')], {
  description: 'day_off: a weekday given off; working_day: a weekend or holiday that is worked',
});
const name = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description });

export const YearQuery = Type.Object({ year: Year }, { additionalProperties: false });

export const CalendarException = Type.Object({
  id: Type.String({ format: 'uuid' }),
  date: LocalDateText,
  kind: ExceptionKind,
  name: Type.String({ description: 'Vietnamese name or reason' }),
  nameEn: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type CalendarExceptionView = Static<typeof CalendarException>;

export const CalendarExceptionList = Type.Object({
  year: Type.Integer(),
  items: Type.Array(CalendarException),
});

export const NewCalendarExceptionBody = Type.Object(
  {
    date: LocalDateText,
    kind: ExceptionKind,
    name: name('Vietnamese name or reason, e.g. the decision it applies'),
    nameEn: name('English name or reason'),
  },
  { additionalProperties: false },
);

export const ExceptionIdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const YearHolidays = Type.Object({
  year: Type.Integer(),
  timezone: Type.String(),
  daysOff: Type.Array(
    Type.Object({
      date: LocalDateText,
      name: Type.String(),
      nameEn: Type.String(),
      kind: Type.Union(
        [Type.Literal('statutory'), Type.Literal('in_lieu'), Type.Literal('exception')],
        { description: 'statutory holiday, in-lieu day for a holiday on a weekend, or decision' },
      ),
    }),
  ),
  workingDays: Type.Array(
    Type.Object({ date: LocalDateText, name: Type.String(), nameEn: Type.String() }),
    { description: 'Weekend days or holidays that are worked by decision (make-up days)' },
  ),
});

export const WorkingTimeQuery = Type.Object(
  { from: Instant, to: Instant },
  { additionalProperties: false },
);

export const WorkingTime = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  workingMs: Type.Integer({ description: 'Working milliseconds between from and to' }),
  workingHours: Type.Number(),
  workingDays: Type.Number({ description: 'The same in working days of 8 hours' }),
});

export const DeadlineQuery = Type.Object(
  {
    from: Instant,
    workingDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Whole working days (dossiers)' }),
    ),
    workingHours: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 87_600,
        description: 'Working hours, to the minute (citizen reports)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Deadline = Type.Object({
  from: Type.String({ format: 'date-time' }),
  deadline: Type.String({ format: 'date-time', description: 'UTC instant' }),
  deadlineLocal: Type.String({ description: 'The deadline in local time, with offset' }),
  timezone: Type.String(),
  unit: Type.Union([Type.Literal('working_days'), Type.Literal('working_hours')]),
  amount: Type.Number(),
});

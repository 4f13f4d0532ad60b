import type { ColumnType, Generated } from 'kysely';

export interface CalendarExceptionTable {
  id: Generated<string>;
  /** The date the decision is about, 'YYYY-MM-DD'; at most one decision per date. */
  date: string;
  /** day_off: a weekday given off (bridging day); working_day: a weekend or holiday worked. */
  kind: 'day_off' | 'working_day';
  /** Vietnamese name or reason, e.g. "Nghỉ bù theo Thông báo 6150/TB-BNV". */
  name: string;
  nameEn: string;
  /** Principal (user or API key) that recorded it; null for reference data. */
  createdBy: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface CalendarTables {
  calendarException: CalendarExceptionTable;
}

/**
 * One value of one row, decided once for both file formats: is it text, a number, a day or
 * an instant, and which day and time does a person in the platform's time zone read from it.
 * The writers then only choose how each kind of cell looks in their format.
 */
import { MS_PER_DAY } from '../calendar/zoned-time';
import { epochDayOf, isLocalDate } from '../calendar/local-date';
import type { ExportColumn, ExportColumnKind, ExportLocale, ExportValue } from './export-columns';
import { WallClock } from './wall-clock';

/**
 * `wallMs` is the wall-clock time in the platform's zone, counted as if it were UTC: a
 * zone-free value that Excel serial dates and `yyyy-MM-dd HH:mm` text both expect.
 */
export type ExportCell =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'number'; value: number }
  | { type: 'date'; wallMs: number }
  | { type: 'datetime'; wallMs: number };

export interface CellOptions {
  locale: ExportLocale;
  timezone: string;
}

const EMPTY: ExportCell = { type: 'empty' };
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const YES_NO: Record<ExportLocale, [string, string]> = {
  vi: ['Có', 'Không'],
  en: ['Yes', 'No'],
};

/** Numeric text (PostgreSQL returns bigint and numeric as strings) as a number, if exact. */
function numberFromText(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMERIC.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return null;
  // An identifier past 2^53 would be silently changed; it stays text.
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return null;
  return value;
}

export type CellReader = <Row>(column: ExportColumn<Row>, row: Row) => ExportCell;

export function createCellReader(options: CellOptions): CellReader {
  const clock = new WallClock(options.timezone);
  const [yes, no] = YES_NO[options.locale];

  function fromValue(value: ExportValue | undefined, kind: ExportColumnKind | undefined) {
    if (value === null || value === undefined) return EMPTY;
    if (typeof value === 'boolean') return { type: 'text', text: value ? yes : no } as const;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return EMPTY;
      const wallMs = clock.wallMs(value);
      return kind === 'date'
        ? ({ type: 'date', wallMs: Math.floor(wallMs / MS_PER_DAY) * MS_PER_DAY } as const)
        : ({ type: 'datetime', wallMs } as const);
    }
    if (typeof value === 'number') {
      if (kind === 'text') return { type: 'text', text: String(value) } as const;
      return Number.isFinite(value) ? ({ type: 'number', value } as const) : EMPTY;
    }
    if (kind === 'number') {
      const parsed = numberFromText(value);
      if (parsed !== null) return { type: 'number', value: parsed } as const;
    }
    // A `date` column read from a PostgreSQL `date` is already a calendar day.
    if (kind === 'date' && isLocalDate(value)) {
      return { type: 'date', wallMs: epochDayOf(value) * MS_PER_DAY } as const;
    }
    return { type: 'text', text: value.normalize('NFC') } as const;
  }

  return (column, row) => fromValue(column.value(row), column.kind);
}

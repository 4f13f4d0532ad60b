/**
 * What an export is made of: a list of columns, each naming its header in Vietnamese (and
 * optionally English) and how to read its value from one row. The same columns drive the
 * CSV and the XLSX writers, so a list exports the same table in both formats.
 */

/** The language of the header row (and of yes/no texts). */
export type ExportLocale = 'vi' | 'en';

/**
 * How a value is written. `date` is a calendar day, `datetime` an instant shown to the
 * minute; both in the platform's time zone. Without a kind it follows the value: numbers
 * stay numbers, instants become datetimes, everything else text.
 */
export type ExportColumnKind = 'text' | 'number' | 'date' | 'datetime';

/** A cell's value as a column reads it; null (or undefined) is an empty cell. */
export type ExportValue = string | number | Date | boolean | null;

export interface ExportColumn<Row> {
  /** Stable identifier of the column (not shown). */
  key: string;
  /** Vietnamese header. */
  header: string;
  /** English header; the Vietnamese one is used when absent. */
  headerEn?: string;
  /** Width in characters in the XLSX sheet; a default follows the header and the kind. */
  width?: number;
  value: (row: Row) => ExportValue;
  kind?: ExportColumnKind;
}

export function headerOf(
  column: Pick<ExportColumn<unknown>, 'header' | 'headerEn'>,
  locale: ExportLocale,
): string {
  return (locale === 'en' ? (column.headerEn ?? column.header) : column.header).normalize('NFC');
}

/** Rows as a database cursor gives them (async) or as an array already in memory. */
export type ExportRows<Row> = AsyncIterable<Row> | Iterable<Row>;

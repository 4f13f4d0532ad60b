/**
 * CSV export (RFC 4180): UTF-8 with a byte order mark, because Excel reads a CSV without one
 * in the machine's legacy code page and garbles Vietnamese; CRLF line ends; fields quoted
 * when they hold a comma, quote or line break. Days and times are written in the platform's
 * time zone as `yyyy-MM-dd` and `yyyy-MM-dd HH:mm`, which spreadsheets recognise in any
 * locale. Text that a spreadsheet would run as a formula is defused (see `defuseFormula`).
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DEFAULT_TIMEZONE } from '../calendar/working-calendar';
import { headerOf, type ExportColumn, type ExportLocale, type ExportRows } from './export-columns';
import { createCellReader, type ExportCell } from './export-cells';
import { writeChunk } from './export-output';

export interface CsvOptions {
  locale: ExportLocale;
  /** IANA zone the dates are shown in (config.timezone); Asia/Ho_Chi_Minh by default. */
  timezone?: string;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Rows are gathered into chunks of about this many characters before each write.
const CHUNK_CHARS = 64 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;
/** OWASP "CSV injection": what a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A leading single quote makes spreadsheets show the text as typed instead of evaluating
 * it, so a citizen's "=HYPERLINK(…)" stays text on a civil servant's machine.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: ExportCell): string {
  switch (cell.type) {
    case 'empty':
      return '';
    case 'text':
      return defuseFormula(cell.text);
    case 'number':
      return String(cell.value);
    case 'date':
      return new Date(cell.wallMs).toISOString().slice(0, 10);
    case 'datetime': {
      const iso = new Date(cell.wallMs).toISOString();
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    }
  }
}

/**
 * Streams the rows to `out` as CSV and ends it. Resolves when the whole file is written;
 * rejects (leaving `out` to its owner) if the rows fail or `out` closes first.
 */
export async function writeCsv<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: ExportRows<Row>,
  out: Writable,
  options: CsvOptions,
): Promise<void> {
  const readCell = createCellReader({
    locale: options.locale,
    timezone: options.timezone ?? DEFAULT_TIMEZONE,
  });
  const line = (texts: string[]) => texts.map(csvField).join(',') + CRLF;

  let chunk = BOM + line(columns.map((column) => defuseFormula(headerOf(column, options.locale))));
  for await (const row of rows) {
    chunk += line(columns.map((column) => cellText(readCell(column, row))));
    if (chunk.length >= CHUNK_CHARS) {
      await writeChunk(out, chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await writeChunk(out, chunk);
  out.end();
  await finished(out, { readable: false });
}

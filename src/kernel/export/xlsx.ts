/**
 * XLSX export through exceljs's streaming writer, so rows go to the output as they come and
 * a large export never sits in memory. Numbers are number cells and days and times are date
 * cells (dd/mm/yyyy, as Vietnamese users write them), so the sheet sorts, filters and sums
 * without conversion. The header row is bold, frozen and carries an autofilter.
 *
 * Excel dates have no time zone: a cell holds the wall-clock time of the platform's zone.
 * Text never becomes a formula here (exceljs writes strings as strings), so no CSV-style
 * defusing is needed.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { DEFAULT_TIMEZONE } from '../calendar/working-calendar';
import {
  headerOf,
  type ExportColumn,
  type ExportColumnKind,
  type ExportLocale,
  type ExportRows,
} from './export-columns';
import { createCellReader, type ExportCell } from './export-cells';
import { keepPace } from './export-output';
import { sanitiseSheetName } from './sheet-name';

export interface XlsxOptions {
  /** Worksheet name; cleaned to Excel's rules (see sanitiseSheetName). */
  sheetName: string;
  /** A title line above the header row, e.g. "Danh sách phản ánh"; also the file's title. */
  title?: string;
  locale: ExportLocale;
  /** IANA zone the dates are shown in (config.timezone); Asia/Ho_Chi_Minh by default. */
  timezone?: string;
}

export const XLSX_DATE_FORMAT = 'dd/mm/yyyy';
export const XLSX_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** Excel's limit on the characters of one cell; longer text makes it repair the file. */
const MAX_CELL_CHARS = 32_767;

function defaultWidth(kind: ExportColumnKind | undefined, header: string): number {
  if (kind === 'date') return Math.max(12, header.length + 2);
  if (kind === 'datetime') return Math.max(17, header.length + 2);
  return Math.min(50, Math.max(10, header.length + 2));
}

function clip(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  return `${text.slice(0, MAX_CELL_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

function fillCell(cell: ExcelJS.Cell, value: ExportCell): void {
  switch (value.type) {
    case 'empty':
      return;
    case 'text':
      cell.value = clip(value.text);
      return;
    case 'number':
      cell.value = value.value;
      return;
    case 'date':
    case 'datetime':
      cell.value = new Date(value.wallMs);
      cell.numFmt = value.type === 'date' ? XLSX_DATE_FORMAT : XLSX_DATETIME_FORMAT;
      return;
  }
}

/**
 * exceljs's streaming writer has no backpressure of its own: a committed row lands in the
 * worksheet's buffer, which writes into the zip entry's input stream without waiting, so a
 * fast row source would pile the whole sheet up in memory. That input stream (reachable as
 * `worksheet.stream.pipes`, an internal of exceljs 4) does count its backlog, and it drains
 * only as fast as the compressor and `out` downstream take data; waiting on it paces the rows
 * to the slowest reader. The tests check that this still holds after an exceljs upgrade.
 */
function zipEntryInputs(sheet: ExcelJS.Worksheet): Writable[] {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return [];
  return pipes.filter(
    (pipe): pipe is Writable =>
      typeof (pipe as Writable | null)?.write === 'function' &&
      typeof (pipe as Writable).writableHighWaterMark === 'number',
  );
}

/**
 * Streams the rows to `out` as one worksheet and ends it. Resolves when the file is
 * complete; rejects (leaving `out` to its owner) if the rows fail or `out` closes first.
 */
export async function writeXlsx<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: ExportRows<Row>,
  out: Writable,
  options: XlsxOptions,
): Promise<void> {
  const readCell = createCellReader({
    locale: options.locale,
    timezone: options.timezone ?? DEFAULT_TIMEZONE,
  });
  const headers = columns.map((column) => headerOf(column, options.locale));
  const title = options.title?.normalize('NFC');
  const headerRow = title ? 2 : 1;

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Shared strings would keep every distinct text in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = 'tinhso';
  if (title) workbook.title = title;

  const sheet = workbook.addWorksheet(sanitiseSheetName(options.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
  });
  sheet.columns = columns.map((column, index) => ({
    key: column.key,
    width: column.width ?? defaultWidth(column.kind, headers[index] ?? ''),
  }));
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: Math.max(1, columns.length) },
  };

  if (title) {
    const titleRow = sheet.getRow(1);
    titleRow.getCell(1).value = title;
    titleRow.getCell(1).font = { bold: true, size: 14 };
    if (columns.length > 1) sheet.mergeCells(1, 1, 1, columns.length);
    titleRow.commit();
  }

  const header = sheet.getRow(headerRow);
  headers.forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.font = { bold: true };
  });
  header.commit();

  const zipInputs = zipEntryInputs(sheet);
  let rowNumber = headerRow;
  for await (const item of rows) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    columns.forEach((column, index) => fillCell(row.getCell(index + 1), readCell(column, item)));
    row.commit();
    for (const input of zipInputs) await keepPace(out, input);
    await keepPace(out);
  }

  // The writer waits for 'finish' only; a closed output must not leave the export hanging.
  await Promise.all([workbook.commit(), finished(out, { readable: false })]);
}

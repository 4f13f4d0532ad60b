/**
 * Tabular export: "the current filtered list" of a module (citizen reports, dossiers,
 * document registers) as a CSV or XLSX file, streamed row by row from a database cursor so
 * an export of any size neither waits for nor holds the whole list.
 *
 * Tables owned: none. Events: none published or consumed.
 *
 * Typical use in a module's route (the service returns the rows as an async iterable, with
 * the same filters and authorisation as the list itself):
 *
 *   const columns: ExportColumn<ReportRow>[] = [
 *     { key: 'code', header: 'Mã phản ánh', headerEn: 'Report code', value: (r) => r.code },
 *     { key: 'receivedAt', header: 'Ngày tiếp nhận', headerEn: 'Received',
 *       kind: 'datetime', value: (r) => r.receivedAt },
 *   ];
 *   return sendExport(reply, {
 *     format: request.query.format,
 *     fileName: exportFileName('Phản ánh', request.query.format, ctx.clock.now()),
 *     columns, rows: streamReports(ctx, principal, filters),
 *     locale: 'vi', sheetName: 'Phản ánh', timezone: ctx.config.timezone,
 *   });
 *
 * with `format: ExportFormatSchema` in the querystring and `200: ExportContent` as the
 * response schema. Dates are written in the platform's time zone; CSV text that a
 * spreadsheet would run as a formula is defused; XLSX cells keep numbers and dates typed.
 */
export {
  headerOf,
  type ExportColumn,
  type ExportColumnKind,
  type ExportLocale,
  type ExportRows,
  type ExportValue,
} from './export-columns';
export { csvField, defuseFormula, writeCsv, type CsvOptions } from './csv';
export { writeXlsx, XLSX_DATE_FORMAT, XLSX_DATETIME_FORMAT, type XlsxOptions } from './xlsx';
export { sanitiseSheetName } from './sheet-name';
export {
  asciiSlug,
  EXPORT_FORMATS,
  exportContentType,
  exportExtension,
  exportFileName,
  type ExportFormat,
} from './export-format';
export { sendExport, type SendExportOptions } from './send-export';
export { ExportContent, ExportFormatSchema } from './export.schemas';
export { ExportOutputClosedError } from './export-output';

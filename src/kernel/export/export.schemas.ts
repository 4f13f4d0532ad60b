/** Schema pieces for export routes (validation, OpenAPI): the format parameter and the file. */
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { EXPORT_FORMATS } from './export-format';

export const ExportFormatSchema = Type.Union(
  EXPORT_FORMATS.map((format) => Type.Literal(format)),
  { description: 'File format of the export: csv (UTF-8, comma-separated) or xlsx' },
);

/** The exported file; streamed, so it is never serialised as JSON. */
export const ExportContent = Type.Unsafe<Readable>({
  type: 'string',
  format: 'binary',
  description: 'The exported file (CSV or XLSX), sent as an attachment',
});

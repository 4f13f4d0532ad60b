/** Helpers for the export tests: collecting a written file and reading CSV back. Tests only. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A stream to write an export into, and the whole file once the writer has ended it. */
export function collector(): { out: PassThrough; file: Promise<Buffer<ArrayBuffer>> } {
  const out = new PassThrough();
  const file = new Promise<Buffer<ArrayBuffer>>((resolve, reject) => {
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
  return { out, file };
}

/**
 * A strict RFC 4180 reader: records end in CRLF (a bare CR or LF outside quotes is an
 * error), quoted fields may hold commas, doubled quotes and line breaks, and a quote may
 * not appear inside an unquoted field.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`invalid CSV at ${i}: ${why}`);
  };
  while (i < text.length) {
    if (text[i] === '"') {
      if (field !== '') fail('quote inside an unquoted field');
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') fail('text after a quoted field');
      continue;
    }
    if (text[i] === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') fail('CR without LF');
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n') {
      fail('LF without CR');
    } else {
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) fail('last record does not end in CRLF');
  return records;
}

/** An async row source that records how far it was read and whether it was closed. */
export function trackedRows<Row>(
  count: number,
  make: (index: number) => Row,
): { rows: AsyncGenerator<Row>; pulled: () => number; closed: Promise<void> } {
  let pulled = 0;
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  async function* rows(): AsyncGenerator<Row> {
    try {
      for (let index = 0; index < count; index += 1) {
        pulled += 1;
        yield make(index);
      }
    } finally {
      markClosed();
    }
  }
  return { rows: rows(), pulled: () => pulled, closed };
}

/** The worksheet of a one-sheet XLSX file, as Excel's reader model sees it. */
export async function readSheet(file: Buffer<ArrayBuffer>): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer typing predates typed Node buffers; an exact ArrayBuffer satisfies it.
  await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  const [sheet, ...others] = workbook.worksheets;
  if (!sheet || others.length > 0) throw new Error('expected exactly one worksheet');
  return sheet;
}

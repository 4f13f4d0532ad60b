/**
 * Sends an export as the HTTP response, streamed as it is produced: a route hands over its
 * columns and a row cursor and returns. The first row is read before anything is sent, so a
 * query that fails at once still gets the platform's normal error reply; a failure later,
 * once the 200 and part of the file are on the wire, aborts the response, and the client
 * sees an interrupted download rather than a complete-looking but truncated file.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition, sanitiseFileName } from '../storage/file-names';
import type { ExportColumn, ExportLocale, ExportRows } from './export-columns';
import { exportContentType, exportExtension, type ExportFormat } from './export-format';
import { writeCsv } from './csv';
import { writeXlsx } from './xlsx';

export interface SendExportOptions<Row> {
  format: ExportFormat;
  /** Name offered to the browser, e.g. from exportFileName(); its extension follows the format. */
  fileName: string;
  columns: readonly ExportColumn<Row>[];
  rows: ExportRows<Row>;
  locale: ExportLocale;
  /** Worksheet name (XLSX only). */
  sheetName: string;
  /** Title line above the header (XLSX only). */
  title?: string;
  /** IANA zone the dates are shown in (config.timezone); Asia/Ho_Chi_Minh by default. */
  timezone?: string;
}

function iteratorOf<Row>(rows: ExportRows<Row>): AsyncIterator<Row> | Iterator<Row> {
  return Symbol.asyncIterator in rows
    ? rows[Symbol.asyncIterator]()
    : (rows as Iterable<Row>)[Symbol.iterator]();
}

/** The rows again, starting with the one already read; closing it closes the source. */
async function* resume<Row>(
  first: IteratorResult<Row>,
  iterator: AsyncIterator<Row> | Iterator<Row>,
): AsyncGenerator<Row> {
  let done = first.done;
  try {
    if (done) return;
    yield first.value;
    for (;;) {
      const next = await iterator.next();
      done = next.done;
      if (done) return;
      yield next.value;
    }
  } finally {
    // A writer that stops early (the client left) releases the source, e.g. a DB cursor.
    if (!done) await iterator.return?.();
  }
}

export async function sendExport<Row>(
  reply: FastifyReply,
  options: SendExportOptions<Row>,
): Promise<FastifyReply> {
  const iterator = iteratorOf(options.rows);
  const rows = resume(await iterator.next(), iterator);

  const body = new PassThrough();
  const written =
    options.format === 'csv'
      ? writeCsv(options.columns, rows, body, {
          locale: options.locale,
          timezone: options.timezone,
        })
      : writeXlsx(options.columns, rows, body, {
          locale: options.locale,
          sheetName: options.sheetName,
          title: options.title,
          timezone: options.timezone,
        });
  written.catch(async (error: unknown) => {
    // Destroying the body makes Fastify log the error and cut the response short.
    body.destroy(error instanceof Error ? error : new Error(String(error)));
    // A writer that failed before reading any row never opened `rows`, so closing that
    // would not reach the source; close the source itself (a no-op if already closed).
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
  });

  const fileName = sanitiseFileName(options.fileName, exportExtension(options.format));
  return reply
    .header('Content-Type', exportContentType(options.format))
    .header('Content-Disposition', attachmentDisposition(fileName))
    .header('Cache-Control', 'no-store')
    .send(body);
}

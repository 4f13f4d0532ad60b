/**
 * Reading a catalog file before it is sent: the JSON an administrator exported, edited in a
 * text editor, or received from the national database. A file holds an array of procedure
 * records or a single record; the server checks each record, this only says early, in the
 * reader's language, when the file is not that at all.
 */

/** The server's limit for one import (POST /api/procedures/import). */
export const IMPORT_LIMIT_BYTES = 50 * 1_048_576;

export type ImportFileProblem = 'empty' | 'not_json' | 'not_records';

export type ReadImportFile =
  { ok: true; records: Record<string, unknown>[] } | { ok: false; problem: ImportFileProblem };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function recordsFromJson(text: string): ReadImportFile {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { ok: false, problem: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  if (isRecord(parsed)) return { ok: true, records: [parsed] };
  if (!Array.isArray(parsed)) return { ok: false, problem: 'not_records' };
  if (parsed.length === 0) return { ok: false, problem: 'empty' };
  return parsed.every(isRecord)
    ? { ok: true, records: parsed }
    : { ok: false, problem: 'not_records' };
}

/** The code a record gives itself (`tthc.MaTTHC`), if it gives one. */
export function recordCode(record: Record<string, unknown> | undefined): string | null {
  const tthc = record?.tthc;
  const code = isRecord(tthc) ? tthc.MaTTHC : undefined;
  return typeof code === 'string' ? code : null;
}

/**
 * The migrated template database every test starts from, built once per test run by
 * `test/global-setup.ts`: on PostgreSQL a template database that each test clones with
 * CREATE DATABASE … TEMPLATE; on PGlite a dump of the data directory that each test loads.
 * Reference data (administrative units, agencies, calendar) is in the template too.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = path.resolve('.cache/test');
export const PGLITE_TEMPLATE = path.join(CACHE_DIR, 'template.tar');
export const PG_TEMPLATE_NAME = 'tinhso_test_template';

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.trim() !== '' ? url : undefined;
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function readPgliteTemplate(): Blob {
  if (!fs.existsSync(PGLITE_TEMPLATE)) {
    throw new Error('test template missing: run the tests through vitest (global setup builds it)');
  }
  return new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
}

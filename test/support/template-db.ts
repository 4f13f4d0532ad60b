/**
 * The migrated template database every test starts from, built once per test run by
 * `test/global-setup.ts`: on PostgreSQL a template database that each test clones with
 * CREATE DATABASE … TEMPLATE; on PGlite a dump of the data directory that each test loads.
 * Reference data (administrative units, agencies, calendar) is in the template too.
 * Names are unique per run, so several runs on one machine never share a template.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = path.resolve('.cache/test');

export interface TemplateInfo {
  /** PGlite: path of the data-dir dump. */
  pgliteDump?: string;
  /** PostgreSQL: name of the template database. */
  pgTemplate?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateInfo;
  }
}

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

export function readPgliteDump(file: string): Blob {
  return new Blob([fs.readFileSync(file)]);
}

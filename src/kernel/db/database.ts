/**
 * Opens the platform's database: PostgreSQL when a URL is given, otherwise the embedded
 * PGlite (file-backed, or in memory for tests). Both get PostGIS, unaccent and pg_trgm, and
 * both return values of the same JavaScript types, so no code above this file can tell
 * them apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { PglitePool } from './pglite-pool';
import { preparingClient, StatementCounter } from './prepared-statements';
import type { KernelTables } from './tables';

export type Db = Kysely<KernelTables>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The embedded instance, when there is one (for dumps in tests). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  /** postgres:// URL; when empty, PGlite is used. */
  url?: string;
  /** Folder of the PGlite data; undefined means in memory. */
  pgliteDir?: string;
  /** A PGlite data-dir dump (tar) to start from, e.g. a migrated template in tests. */
  pgliteDump?: Blob;
  poolSize?: number;
  /**
   * PostgreSQL: a statement text run this many times becomes a prepared statement on each
   * connection (prepared-statements.ts); 0 never prepares. Default 5.
   */
  prepareThreshold?: number;
}

// int8 as number (our counters and VND amounts stay below 2^53); dates as 'YYYY-MM-DD'
// strings, because a calendar date has no time zone and must not shift.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // Keys inside json columns are data (an Open311 attribute code such as `pole_number`),
  // not column names: they come back exactly as stored.
  const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      Client: preparingClient(new StatementCounter(options.prepareThreshold ?? 5)),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) return (v: string) => Number(v);
          if (oid === DATE || oid === NUMERIC) return (v: string) => v;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (options.pgliteDir) fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    extensions: { postgis, unaccent, pg_trgm },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
      [NUMERIC]: (v: string) => v,
    },
  });
  const pool = new PglitePool(pglite);
  const db = new Kysely<KernelTables>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
    plugins,
  });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}

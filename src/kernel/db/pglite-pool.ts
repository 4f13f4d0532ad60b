/**
 * A `pg.Pool`-shaped adapter over one embedded PGlite instance, so Kysely's own
 * PostgresDialect drives both the embedded database and a real PostgreSQL server with the
 * same SQL and the same transaction semantics.
 *
 * PGlite has a single connection. The adapter hands it to one borrower at a time (a FIFO
 * mutex): a Kysely transaction holds it from BEGIN to COMMIT, so two transactions never
 * interleave their statements — exactly what a pool of size one would do.
 */
import type { PGlite, Results } from '@electric-sql/pglite';

interface QueryResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

export interface PgliteClient {
  query(sql: string, parameters: readonly unknown[]): Promise<QueryResult>;
  release(): void;
}

export class PglitePool {
  #queue: Array<() => void> = [];
  #busy = false;
  #ended = false;

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PgliteClient> {
    if (this.#ended) throw new Error('the embedded database is closed');
    if (this.#busy) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#busy = true;
    let released = false;
    return {
      query: (sql, parameters) => this.#run(sql, parameters),
      release: () => {
        if (released) return;
        released = true;
        const next = this.#queue.shift();
        if (next) next();
        else this.#busy = false;
      },
    };
  }

  async #run(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    // Without parameters the simple protocol is used, like `pg` does, so a migration may
    // send several statements at once.
    if (parameters.length === 0) {
      const results = await this.pglite.exec(sql);
      return toQueryResult(sql, results[results.length - 1]);
    }
    return toQueryResult(sql, await this.pglite.query(sql, parameters as unknown[]));
  }

  async end(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.pglite.close();
  }
}

function toQueryResult(sql: string, result: Results | undefined): QueryResult {
  const rows = (result?.rows ?? []) as unknown[];
  const affected = result?.affectedRows ?? 0;
  // Kysely reads `command` to decide whether `rowCount` means "rows affected".
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  const command = word === 'WITH' && affected > 0 ? 'UPDATE' : word;
  return { command, rowCount: affected, rows };
}

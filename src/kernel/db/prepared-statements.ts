/**
 * Server-side prepared statements for the statements the platform runs again and again, on
 * PostgreSQL. Kysely sends every query unnamed, so PostgreSQL parses and plans it afresh
 * each time; for the statements of a busy path (filing a report: the placement query with
 * its PostGIS test and routing subqueries, the one-statement write of the report with its
 * history, audit and outbox rows) planning costs more than running them. A statement text
 * seen `threshold` times is sent as a named statement from then on: each connection parses
 * it once and PostgreSQL's plan cache keeps its plan (a custom plan per execution at first,
 * a generic one only when it is no worse), as JDBC's prepareThreshold does.
 *
 * Only statements with parameters are named: a parameterless text may hold several
 * commands (a migration), which a prepared statement cannot. Threshold 0 turns it off, for
 * a pooler that cannot keep named statements across transactions (PgBouncer in transaction
 * mode before 1.21). Schema changes belong before serving (migrations at start-up), since a
 * prepared statement whose table changed shape fails with "cached plan must not change
 * result type".
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

/** Distinct texts counted before the counts start afresh (texts with inlined values vary). */
const MAX_COUNTED = 10_000;
/** Named statements one connection keeps at most; further texts run unnamed. */
const MAX_PER_CONNECTION = 1_000;

/** Counts of statement texts, and the names of those that reached the threshold. */
export class StatementCounter {
  private readonly counts = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(readonly threshold: number) {}

  /** The statement name for `text`, once it has run often enough; otherwise undefined. */
  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined || this.threshold <= 0) return named;
    const count = (this.counts.get(text) ?? 0) + 1;
    if (count < this.threshold) {
      if (this.counts.size >= MAX_COUNTED) this.counts.clear();
      this.counts.set(text, count);
      return undefined;
    }
    this.counts.delete(text);
    const name = `tinhso_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (this.names.size < MAX_COUNTED) this.names.set(text, name);
    return name;
  }
}

type LooseQuery = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A pg.Client class whose queries go through `counter`: a frequent text with parameters
 * runs as a named (prepared) statement. (pg.Client.query has a dozen overloads; the
 * replacement takes its arguments as they come and hands them on.)
 */
export function preparingClient(counter: StatementCounter): typeof pg.Client {
  class PreparingClient extends pg.Client {
    /** The statement names this connection has prepared. */
    readonly prepared = new Set<string>();
  }
  // Called with the connection as `this`, as pg.Client's own method is.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const plain = pg.Client.prototype.query as unknown as LooseQuery;
  const query: LooseQuery = function (this: pg.Client, ...args) {
    const prepared = (this as PreparingClient).prepared;
    const [text, values, ...rest] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) {
      return plain.apply(this, args);
    }
    const name = counter.nameFor(text);
    if (name === undefined) return plain.apply(this, args);
    if (!prepared.has(name)) {
      if (prepared.size >= MAX_PER_CONNECTION) return plain.apply(this, args);
      prepared.add(name);
    }
    return plain.call(this, { name, text, values }, ...rest);
  };
  (PreparingClient.prototype as unknown as { query: LooseQuery }).query = query;
  return PreparingClient;
}

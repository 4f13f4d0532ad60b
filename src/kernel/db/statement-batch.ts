/**
 * Several independent INSERTs (or UPDATEs) sent to the database as ONE statement, each in a
 * data-modifying WITH clause. One statement is one round trip and commits atomically on its
 * own, so a write that touches half a dozen tables (a report, its reporter, its history, the
 * audit line, the outbox event, the e-mail) costs what one INSERT costs in waiting, instead
 * of a BEGIN, six statements and a COMMIT. On a busy server the round trips, not the rows,
 * are what a request spends its time on.
 *
 * The rules PostgreSQL sets for such statements hold here: every statement runs exactly
 * once, in an order of the database's choosing, and none sees the rows another inserts; so
 * batch only statements that do not read each other's effects. Foreign keys between them
 * are fine: they are checked at the end of the whole statement.
 *
 * A batch may also name read-only clauses (`with`) that its statements use as values, e.g.
 * the commune and agency a new report belongs to, worked out from its point by the same
 * statement that files it; and it may return rows computed from them (`returning`).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { compileWith, type Compilable } from './compilable';
import { shiftedText } from './placeholders';
import { SequenceMemo, type Token } from './sequence-memo';

/** A batch's text by its clauses' names, texts and parameter counts (sequence-memo). */
const texts = new SequenceMemo<string>();
// Markers between the parts of the sequence; never a clause name, a text or a count.
const STATEMENTS = -1;
const RESULT = -2;
const NO_RESULT = -3;

export class StatementBatch {
  private readonly reads: Array<{ name: string; query: CompiledQuery }> = [];
  private readonly statements: CompiledQuery[] = [];
  private result: CompiledQuery | null = null;

  /** `db` compiles the statements added as query builders or raw SQL. */
  constructor(readonly db: Kysely<any>) {}

  add(statement: Compilable): this {
    this.statements.push(compileWith(this.db, statement));
    return this;
  }

  /**
   * A read-only query the statements refer to by `name` (e.g. `(SELECT agency_id FROM
   * placed)`). It reads the database as it was before the batch, like every clause.
   */
  with(name: string, query: Compilable): this {
    if (!/^[a-z][a-z0-9_]*$/.test(name) || /^s[0-9]+$/.test(name)) {
      throw new Error(`a batch's named clause needs a lower-case name other than sN: ${name}`);
    }
    this.reads.push({ name, query: compileWith(this.db, query) });
    return this;
  }

  /** What `execute` returns: the rows of `query`, which may read the named clauses. */
  returning(query: Compilable): this {
    this.result = compileWith(this.db, query);
    return this;
  }

  get size(): number {
    return this.statements.length;
  }

  /** The whole batch as one statement. */
  compile(): CompiledQuery {
    const tokens: Token[] = [];
    const parameters: unknown[] = [];
    for (const { name, query } of this.reads) {
      tokens.push(name, query.sql, query.parameters.length);
      parameters.push(...query.parameters);
    }
    tokens.push(STATEMENTS);
    for (const statement of this.statements) {
      tokens.push(statement.sql, statement.parameters.length);
      parameters.push(...statement.parameters);
    }
    tokens.push(RESULT, this.result?.sql ?? NO_RESULT);
    if (this.result) parameters.push(...this.result.parameters);
    return CompiledQuery.raw(
      texts.get(tokens, () => this.text()),
      parameters,
    );
  }

  private text(): string {
    let count = 0;
    const place = (query: CompiledQuery) => {
      const text = shiftedText(query.sql, count);
      count += query.parameters.length;
      return text;
    };
    const clauses = [
      ...this.reads.map(({ name, query }) => `${name} AS (${place(query)})`),
      ...this.statements.map((statement, index) => `s${index + 1} AS (${place(statement)})`),
    ];
    const select = this.result ? place(this.result) : 'SELECT 1';
    return clauses.length > 0 ? `WITH ${clauses.join(',\n')}\n${select}` : select;
  }

  /**
   * Runs the batch in `executor` (a transaction, or the database for a batch on its own)
   * and returns the rows of its `returning` query (none without one).
   */
  async execute<Row = Record<string, unknown>>(executor: Kysely<any> = this.db): Promise<Row[]> {
    if (this.statements.length === 0 && !this.result) return [];
    const { rows } = await executor.executeQuery<Row>(this.compile());
    return this.result ? rows : [];
  }
}

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
 */
import { CompiledQuery, type Kysely, type RawBuilder } from 'kysely';

type Compilable = { compile(): CompiledQuery } | RawBuilder<unknown> | CompiledQuery;

export class StatementBatch {
  private readonly statements: CompiledQuery[] = [];
  private readonly channels = new Set<string>();

  /** `db` compiles the statements added as query builders or raw SQL. */
  constructor(readonly db: Kysely<any>) {}

  add(statement: Compilable): this {
    this.statements.push(compile(this.db, statement));
    return this;
  }

  /** NOTIFY `channel` when the statement commits (NOTIFY is transactional). */
  notify(channel: string): this {
    this.channels.add(channel);
    return this;
  }

  get size(): number {
    return this.statements.length;
  }

  /** The whole batch as one statement. */
  compile(): CompiledQuery {
    const parameters: unknown[] = [];
    const clauses = this.statements.map((statement, index) => {
      const text = shiftPlaceholders(statement.sql, parameters.length);
      parameters.push(...statement.parameters);
      return `s${index + 1} AS (${text})`;
    });
    const notifications = [...this.channels].map((channel) => {
      parameters.push(channel);
      return `pg_notify($${parameters.length}, '')`;
    });
    const select = `SELECT ${notifications.length > 0 ? notifications.join(', ') : '1'}`;
    const text = clauses.length > 0 ? `WITH ${clauses.join(',\n')}\n${select}` : select;
    return CompiledQuery.raw(text, parameters);
  }

  /** Runs the batch in `executor` (a transaction, or the database for a batch on its own). */
  async execute(executor: Kysely<any> = this.db): Promise<void> {
    if (this.statements.length === 0 && this.channels.size === 0) return;
    await executor.executeQuery(this.compile());
  }
}

function compile(db: Kysely<any>, statement: Compilable): CompiledQuery {
  if ('sql' in statement && 'parameters' in statement && 'query' in statement) return statement;
  if (isRawBuilder(statement)) return statement.compile(db);
  return statement.compile();
}

function isRawBuilder(statement: Compilable): statement is RawBuilder<unknown> {
  return (statement as { isRawBuilder?: boolean }).isRawBuilder === true;
}

/**
 * `$n` → `$(n + offset)`, outside quoted strings and identifiers (which never hold a
 * placeholder in compiled SQL, but may hold a `$`).
 */
export function shiftPlaceholders(text: string, offset: number): string {
  if (offset === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = closingQuote(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j]!)) j += 1;
      out += `$${Number(text.slice(i + 1, j)) + offset}`;
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Index just past the quote closing the one at `start`; a doubled quote is an escape. */
function closingQuote(text: string, start: number): number {
  const quote = text[start]!;
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

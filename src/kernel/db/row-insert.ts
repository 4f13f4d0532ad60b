/**
 * The INSERT of one row as a compiled statement, written directly instead of through
 * Kysely's query tree. For the hottest writes only (filing a report, with its half-dozen
 * rows in one statement): there, building, transforming and compiling the tree of each
 * INSERT cost the application more time than the database spends storing the rows.
 *
 * Column names are written in snake_case as Kysely's CamelCasePlugin writes them (so
 * `rowInsert` takes the camelCase keys of the table's type); a column whose value is
 * `undefined` is left out, as Kysely leaves it out. A value may be SQL: a compiled query
 * (kernel/db/sql-template, or constant text) or, given a database to compile it with, a
 * RawBuilder; e.g. a value worked out by the same statement (statement-batch, `with`).
 */
import { CompiledQuery, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import { isCompiledQuery, isRawBuilder } from './compilable';
import { shiftedText } from './placeholders';
import { SequenceMemo, type Token } from './sequence-memo';

/** SQL standing for a value inside another statement. */
export type SqlValue = CompiledQuery | RawBuilder<unknown>;

export type RowValues<Table> = {
  [Column in keyof Insertable<Table>]: Insertable<Table>[Column] | SqlValue;
};

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * An INSERT's text by its table, suffix and columns, each column followed by PLAIN or by its
 * SQL value's text and parameter count (sequence-memo): the text is written once per shape.
 */
const texts = new SequenceMemo<string>();
const PLAIN = -1;

/**
 * One row of a table of `db`'s schema. `suffix` follows the VALUES list as written, e.g.
 * an `ON CONFLICT … DO NOTHING` clause (snake_case names, no placeholders).
 */
export function rowInsert<DB, Table extends keyof DB & string>(
  db: Kysely<DB>,
  table: Table,
  row: RowValues<DB[Table]>,
  suffix = '',
): CompiledQuery {
  return insertOf(table, row, suffix, db);
}

/**
 * One row, for a writer that holds no typed database (the kernel's audit, outbox and
 * idempotency writers, called with any Kysely instance): the table's and columns' real
 * names; SQL values only as compiled queries.
 */
export function plainInsert(
  table: string,
  row: Record<string, unknown>,
  suffix = '',
): CompiledQuery {
  return insertOf(table, row, suffix, null);
}

function insertOf(
  table: string,
  row: Record<string, unknown>,
  suffix: string,
  db: Kysely<any> | null,
): CompiledQuery {
  const shape: Token[] = [table, suffix];
  const parameters: unknown[] = [];
  for (const column in row) {
    const value = row[column];
    if (value === undefined) continue;
    const sqlValue = compiledValue(value, db);
    if (sqlValue) {
      shape.push(column, sqlValue.sql, sqlValue.parameters.length);
      parameters.push(...sqlValue.parameters);
    } else {
      shape.push(column, PLAIN);
      parameters.push(value);
    }
  }
  return CompiledQuery.raw(
    texts.get(shape, () => insertText(shape)),
    parameters,
  );
}

/** The text of an insert from its shape (see `texts`). */
function insertText(shape: readonly Token[]): string {
  const [table, suffix] = shape as [string, string];
  const names: string[] = [];
  const values: string[] = [];
  let count = 0;
  for (let i = 2; i < shape.length;) {
    names.push(`"${snakeCase(shape[i] as string)}"`);
    const next = shape[i + 1]!;
    if (next === PLAIN) {
      count += 1;
      values.push(`$${count}`);
      i += 2;
    } else {
      values.push(shiftedText(next as string, count));
      count += shape[i + 2] as number;
      i += 3;
    }
  }
  const head = `insert into "${snakeCase(table)}" (${names.join(', ')}) values (`;
  return `${head}${values.join(', ')})${suffix ? ` ${suffix}` : ''}`;
}

/** The value as compiled SQL when it is SQL, else null (a plain value). */
function compiledValue(value: unknown, db: Kysely<any> | null): CompiledQuery | null {
  if (isCompiledQuery(value)) return value;
  if (!isRawBuilder(value)) return null;
  if (!db) throw new Error('plainInsert takes SQL values only as compiled queries');
  return value.compile(db);
}

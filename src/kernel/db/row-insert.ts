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
import { shiftPlaceholders } from './statement-batch';

/** SQL standing for a value inside another statement. */
export type SqlValue = CompiledQuery | RawBuilder<unknown>;

export type RowValues<Table> = {
  [Column in keyof Insertable<Table>]: Insertable<Table>[Column] | SqlValue;
};

/** `insert into "table" ("a", "b") values (`, per table and column list, as Kysely writes it. */
const heads = new Map<string, string>();

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function headOf(table: string, columns: readonly string[]): string {
  const key = `${table}:${columns.join(',')}`;
  let head = heads.get(key);
  if (head === undefined) {
    const names = columns.map((column) => `"${snakeCase(column)}"`).join(', ');
    head = `insert into "${snakeCase(table)}" (${names}) values (`;
    heads.set(key, head);
  }
  return head;
}

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
  const columns: string[] = [];
  const values: string[] = [];
  const parameters: unknown[] = [];
  for (const column in row) {
    const value = row[column];
    if (value === undefined) continue;
    columns.push(column);
    const sqlValue = compiledValue(value, db);
    if (sqlValue) {
      values.push(shiftPlaceholders(sqlValue.sql, parameters.length));
      parameters.push(...sqlValue.parameters);
    } else {
      parameters.push(value);
      values.push(`$${parameters.length}`);
    }
  }
  const text = `${headOf(table, columns)}${values.join(', ')})${suffix ? ` ${suffix}` : ''}`;
  return CompiledQuery.raw(text, parameters);
}

/** The value as compiled SQL when it is SQL, else null (a plain value). */
function compiledValue(value: unknown, db: Kysely<any> | null): CompiledQuery | null {
  if (isCompiledQuery(value)) return value;
  if (!isRawBuilder(value)) return null;
  if (!db) throw new Error('plainInsert takes SQL values only as compiled queries');
  return value.compile(db);
}

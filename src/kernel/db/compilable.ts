/**
 * What the kernel's statement helpers accept as SQL: a query builder, raw SQL (a
 * RawBuilder, compiled with a database for its plugins), or a query already compiled. One
 * place tells them apart and compiles them, for the batch, the row inserts and the templates.
 */
import type { CompiledQuery, Kysely, RawBuilder } from 'kysely';

export type Compilable = { compile(): CompiledQuery } | RawBuilder<unknown> | CompiledQuery;

export function isRawBuilder(value: unknown): value is RawBuilder<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isRawBuilder?: unknown }).isRawBuilder === true
  );
}

export function isCompiledQuery(value: unknown): value is CompiledQuery {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sql' in value &&
    'parameters' in value &&
    'query' in value
  );
}

export function compileWith(db: Kysely<any>, statement: Compilable): CompiledQuery {
  if (isCompiledQuery(statement)) return statement;
  if (isRawBuilder(statement)) return statement.compile(db);
  return statement.compile();
}

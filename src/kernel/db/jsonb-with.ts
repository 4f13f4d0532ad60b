/**
 * A JSON object as jsonb, some of whose top-level keys are computed by SQL in the same
 * statement: an event payload or an e-mail's variables that name the agency a report was
 * routed to by the statement that files it (kernel/db/statement-batch, `with`).
 */
import { sql, type Expression, type RawBuilder } from 'kysely';

export function jsonbWith<T = unknown>(
  value: Record<string, unknown>,
  computed: Record<string, Expression<unknown>>,
): RawBuilder<T> {
  const keys = Object.keys(computed);
  const base = sql<T>`${JSON.stringify(value)}::jsonb`;
  if (keys.length === 0) return base;
  // Keys go as text parameters: jsonb_build_object takes "any", which a bare parameter is not.
  const pairs = keys.map((key) => sql`${key}::text, ${computed[key]!}`);
  return sql<T>`(${base} || jsonb_build_object(${sql.join(pairs)}))`;
}

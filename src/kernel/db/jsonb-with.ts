/**
 * A JSON object as jsonb, some of whose top-level keys are computed by SQL in the same
 * statement: an event payload or an e-mail's variables that name the agency a report was
 * routed to by the statement that files it (kernel/db/statement-batch, `with`).
 */
import { CompiledQuery } from 'kysely';
import { shiftedText } from './placeholders';

export function jsonbWith(
  value: Record<string, unknown>,
  computed: Record<string, CompiledQuery>,
): CompiledQuery {
  const parameters: unknown[] = [JSON.stringify(value)];
  const pairs: string[] = [];
  for (const [key, expression] of Object.entries(computed)) {
    parameters.push(key);
    // Keys go as text parameters: jsonb_build_object takes "any", which a bare one is not.
    const keyText = `$${parameters.length}::text`;
    pairs.push(`${keyText}, ${shiftedText(expression.sql, parameters.length)}`);
    parameters.push(...expression.parameters);
  }
  const text =
    pairs.length === 0 ? '$1::jsonb' : `($1::jsonb || jsonb_build_object(${pairs.join(', ')}))`;
  return CompiledQuery.raw(text, parameters);
}

/**
 * A query compiled once and then run with different values. The query is built with named
 * stand-ins for its values, compiled by Kysely on first use with a database, and each later
 * call only puts the values in their places. For statements of the busiest paths (filing a
 * report) whose building and compiling costs more than the database spends running them.
 *
 * The builder receives stand-ins, not values: the query's shape must not depend on them. A
 * value may only be bound as a parameter (`${args.lat}`, `sql.val`, a column's value); a
 * builder that reads one (`args.lat.toFixed()`) or uses one as SQL text fails on first use.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { compileWith, type Compilable } from './compilable';

class StandIn {
  constructor(readonly name: string) {}
}

interface Compiled {
  sql: string;
  /** Per parameter: the argument's name, or a value fixed in the query itself. */
  slots: ReadonlyArray<StandIn | { fixed: unknown }>;
}

export function sqlTemplate<Args extends object>(
  build: (args: Args) => Compilable,
): (db: Kysely<any>, args: Args) => CompiledQuery {
  const compiled = new WeakMap<Kysely<any>, Compiled>();
  return (db, args) => {
    let template = compiled.get(db);
    if (!template) {
      template = compileWithStandIns(db, build);
      compiled.set(db, template);
    }
    const values = args as Record<string, unknown>;
    return CompiledQuery.raw(
      template.sql,
      template.slots.map((slot) => (slot instanceof StandIn ? values[slot.name] : slot.fixed)),
    );
  };
}

function compileWithStandIns<Args extends object>(
  db: Kysely<any>,
  build: (args: Args) => Compilable,
): Compiled {
  const standIns = new Proxy({} as Args, {
    get: (_target, name) => (typeof name === 'string' ? new StandIn(name) : undefined),
  });
  const query = compileWith(db, build(standIns));
  return {
    sql: query.sql,
    slots: query.parameters.map((value) => (value instanceof StandIn ? value : { fixed: value })),
  };
}

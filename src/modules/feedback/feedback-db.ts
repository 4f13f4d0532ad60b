/** The database as the feedback module sees it: the kernel's tables and its own. */
import type { Kysely } from 'kysely';
import type { KernelTables } from '../../kernel/db/tables';
import type { AppContext } from '../../kernel/context';
import type { FeedbackTables } from './feedback.tables';

export type FeedbackDb = Kysely<KernelTables & FeedbackTables>;

// One typed view per database: building it costs more than some of the queries run on it.
const views = new WeakMap<AppContext['db'], FeedbackDb>();

export function feedbackDb(ctx: Pick<AppContext, 'db'>): FeedbackDb {
  let view = views.get(ctx.db);
  if (!view) {
    view = ctx.db.withTables<FeedbackTables>();
    views.set(ctx.db, view);
  }
  return view;
}

/** The database as the feedback module sees it: the kernel's tables and its own. */
import type { Kysely } from 'kysely';
import type { KernelTables } from '../../kernel/db/tables';
import type { AppContext } from '../../kernel/context';
import type { FeedbackTables } from './feedback.tables';

export type FeedbackDb = Kysely<KernelTables & FeedbackTables>;

export function feedbackDb(ctx: Pick<AppContext, 'db'>): FeedbackDb {
  return ctx.db.withTables<FeedbackTables>();
}

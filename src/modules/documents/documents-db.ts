/** The database as the documents module sees it: the kernel's tables and its own. */
import type { Kysely, Transaction } from 'kysely';
import type { KernelTables } from '../../kernel/db/tables';
import type { AppContext } from '../../kernel/context';
import type { DocumentsTables } from './documents.tables';

export type DocumentsDb = Kysely<KernelTables & DocumentsTables>;
export type DocumentsTrx = Transaction<KernelTables & DocumentsTables>;

const views = new WeakMap<AppContext['db'], DocumentsDb>();

export function documentsDb(ctx: Pick<AppContext, 'db'>): DocumentsDb {
  let view = views.get(ctx.db);
  if (!view) {
    view = ctx.db.withTables<DocumentsTables>();
    views.set(ctx.db, view);
  }
  return view;
}

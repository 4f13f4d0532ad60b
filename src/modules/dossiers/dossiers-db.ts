/** The database as the dossiers module sees it: the kernel's tables and its own. */
import type { Kysely, Transaction } from 'kysely';
import type { KernelTables } from '../../kernel/db/tables';
import type { AppContext } from '../../kernel/context';
import type { DossiersTables } from './dossiers.tables';

export type DossiersDb = Kysely<KernelTables & DossiersTables>;
export type DossiersTrx = Transaction<KernelTables & DossiersTables>;

const views = new WeakMap<AppContext['db'], DossiersDb>();

export function dossiersDb(ctx: Pick<AppContext, 'db'>): DossiersDb {
  let view = views.get(ctx.db);
  if (!view) {
    view = ctx.db.withTables<DossiersTables>();
    views.set(ctx.db, view);
  }
  return view;
}

/** The database as the exchange sees it: the kernel's tables, the documents' and its own. */
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../../kernel/context';
import type { KernelTables } from '../../../kernel/db/tables';
import type { DocumentsTrx } from '../documents-db';
import type { DocumentsTables } from '../documents.tables';
import type { ExchangeTables } from './exchange.tables';

type Tables = KernelTables & DocumentsTables & ExchangeTables;
export type ExchangeDb = Kysely<Tables>;
export type ExchangeTrx = Transaction<Tables>;

const views = new WeakMap<AppContext['db'], ExchangeDb>();

export function exchangeDb(ctx: Pick<AppContext, 'db'>): ExchangeDb {
  let view = views.get(ctx.db);
  if (!view) {
    view = ctx.db.withTables<DocumentsTables & ExchangeTables>();
    views.set(ctx.db, view);
  }
  return view;
}

/** The caller's documents transaction, seeing the exchange's tables too (same connection). */
export function withExchange(trx: DocumentsTrx): ExchangeTrx {
  return trx.withTables<ExchangeTables>();
}

/** Runs `work` in a new transaction of the exchange's view. */
export function inTransaction<T>(
  ctx: Pick<AppContext, 'db'>,
  work: (trx: ExchangeTrx) => Promise<T>,
): Promise<T> {
  return exchangeDb(ctx).transaction().execute(work);
}

/**
 * The category a new report is filed under, read once per process and kept. Each copy
 * carries the row version it was read at (PostgreSQL's `xmin`, which every UPDATE of the
 * row changes), and the statement that files the report writes only if the row still has
 * that version (`currentCategoryCodeSql`). So a copy is never trusted beyond its row: an
 * administrator's edit, made through this instance, another one, or plain SQL, makes the
 * next filing under it fail its check, drop the copy and read the row again. Nor may a copy
 * refuse what the row allows: a filing refused on the category's rules (its questions,
 * anonymity) under a kept copy is checked again with the row read afresh (`reread`).
 *
 * Filing is the platform's busiest write; this saves it a round trip to the database.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { sqlTemplate } from '../../kernel/db/sql-template';
import type { AppContext } from '../../kernel/context';
import { feedbackDb } from './feedback-db';
import type { Category } from './category.queries';

export interface FilingCategory {
  category: Category;
  /** The row version the copy was read at. */
  revision: string;
  /** Served from the process's copy rather than read for this filing. */
  kept: boolean;
}

const copies = new WeakMap<AppContext['db'], Map<string, FilingCategory>>();

function copiesOf(ctx: Pick<AppContext, 'db'>): Map<string, FilingCategory> {
  let held = copies.get(ctx.db);
  if (!held) {
    held = new Map();
    copies.set(ctx.db, held);
  }
  return held;
}

/**
 * The active category of that code, from the copy when there is one (unless `reread`, which
 * drops it); undefined if none.
 */
export async function categoryForFiling(
  ctx: Pick<AppContext, 'db'>,
  code: string,
  options: { reread?: boolean } = {},
): Promise<FilingCategory | undefined> {
  const held = copiesOf(ctx);
  if (options.reread) held.delete(code);
  const copy = held.get(code);
  if (copy) return { ...copy, kept: true };
  const row = await feedbackDb(ctx)
    .selectFrom('feedbackCategory')
    .selectAll()
    .select(sql<string>`xmin::text`.as('revision'))
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { revision, ...category } = row;
  const read = { category, revision, kept: false };
  held.set(code, read);
  return read;
}

/**
 * The category's code while its row is active and as it was read, else NULL: the value of a
 * report's `category_code`, whose NOT NULL constraint then refuses a filing made with a
 * stale copy (the statement writes nothing, see `isStaleCategory`).
 */
export function currentCategoryCodeSql(db: Kysely<any>, filing: FilingCategory): CompiledQuery {
  return currentCategoryCode(db, { code: filing.category.code, revision: filing.revision });
}

const currentCategoryCode = sqlTemplate(
  (row: { code: string; revision: string }) => sql`(
    SELECT c.code FROM feedback_category c
    WHERE c.code = ${row.code} AND c.active AND c.xmin::text = ${row.revision}
  )`,
);

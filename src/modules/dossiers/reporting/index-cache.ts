/**
 * The dashboard's cache of the index's counts, kept per (period, scope) in the process.
 * The operations center and every leader's console ask for the same figures every few
 * seconds; a year's figures for the province read the whole year, so they are computed once
 * and served until something may have changed:
 *
 * - younger than FRESH_MS, an entry is served as it is;
 * - between FRESH_MS and MAX_AGE_MS, it is served while the dossiers' change mark is the one
 *   it was computed under (the newest line of dossier_history, which every change of a
 *   dossier's state appends, and the newest survey answer); a change recomputes it;
 * - older than MAX_AGE_MS, it is computed again whatever the mark says, which also bounds
 *   how stale a figure can be after a change that wrote no history line;
 * - `invalidateIndexCache` drops a context's entries at once (a writer in this process).
 *
 * Each process keeps its own entries; the change mark keeps the processes of a deployment
 * within FRESH_MS of each other without any message between them. Two requests for the
 * same missing entry share one computation.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../../kernel/context';
import { dossiersDb } from '../dossiers-db';

export const FRESH_MS = 10_000;
export const MAX_AGE_MS = 60_000;
/** Periods × scopes: far more than one province's dashboards ask for. */
const MAX_ENTRIES = 500;

export interface Cached<T> {
  value: T;
  computedAt: Date;
}

interface Entry<T> extends Cached<T> {
  mark: string;
}

interface ContextCache {
  entries: Map<string, Entry<unknown>>;
  pending: Map<string, Promise<Cached<unknown>>>;
}

/** Per context, so two platforms in one process (tests, benchmarks) never share figures. */
const caches = new WeakMap<AppContext, ContextCache>();

function cacheOf(ctx: AppContext): ContextCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = { entries: new Map(), pending: new Map() }));
  return cache;
}

/** What has changed last in the dossiers: two index look-ups. */
export async function changeMark(ctx: AppContext): Promise<string> {
  const row = await sql<{ historyId: string | null; answeredAt: Date | null }>`
    SELECT (SELECT max(id) FROM dossier_history) AS history_id,
           (SELECT max(answered_at) FROM dossier_survey) AS answered_at`.execute(dossiersDb(ctx));
  const mark = row.rows[0];
  return `${mark?.historyId ?? 0}|${mark?.answeredAt ? new Date(mark.answeredAt).getTime() : 0}`;
}

/** The cached value for `key`, or `compute()`'s, stored under the change mark read first. */
export async function cachedFigures<T>(
  ctx: AppContext,
  key: string,
  compute: () => Promise<T>,
): Promise<Cached<T>> {
  const cache = cacheOf(ctx);
  const now = ctx.clock.now().getTime();
  const entry = cache.entries.get(key) as Entry<T> | undefined;
  const age = entry ? now - entry.computedAt.getTime() : Number.POSITIVE_INFINITY;
  if (entry && age < FRESH_MS) return entry;
  const pending = cache.pending.get(key) as Promise<Cached<T>> | undefined;
  if (pending) return pending;

  const run = (async (): Promise<Cached<T>> => {
    const mark = await changeMark(ctx);
    if (entry && age < MAX_AGE_MS && entry.mark === mark) return entry;
    const computedAt = ctx.clock.now();
    const value = await compute();
    cache.entries.delete(key);
    cache.entries.set(key, { value, computedAt, mark });
    // Maps keep insertion order: the first key is the least recently computed.
    if (cache.entries.size > MAX_ENTRIES) {
      cache.entries.delete(cache.entries.keys().next().value!);
    }
    return { value, computedAt };
  })();
  cache.pending.set(key, run);
  try {
    return await run;
  } finally {
    cache.pending.delete(key);
  }
}

/** Forgets every cached figure of the context: the next request computes afresh. */
export function invalidateIndexCache(ctx: AppContext): void {
  const cache = caches.get(ctx);
  cache?.entries.clear();
}

/**
 * Pushes the ops summary to every open operations-center screen. One timer computes the
 * summary once per period for all subscribers, so ten wall screens cost one set of queries,
 * and the timer runs only while someone is watching.
 */
import type { Logger } from '../../kernel/logging/logger';
import type { OpsSummary } from './ops.schemas';

export type SummaryListener = (summary: OpsSummary) => void;

export interface SummaryFeed {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: SummaryListener): () => void;
  /** Stops the timer and forgets every listener (server shutdown). */
  close(): void;
  readonly size: number;
}

export function createSummaryFeed(
  load: () => Promise<OpsSummary>,
  everyMs: number,
  log: Logger,
): SummaryFeed {
  const listeners = new Set<SummaryListener>();
  let timer: NodeJS.Timeout | null = null;
  let loading = false;

  const tick = async (): Promise<void> => {
    // A slow database must not stack up overlapping loads.
    if (loading) return;
    loading = true;
    try {
      const summary = await load();
      for (const listener of listeners) listener(summary);
    } catch (error) {
      log.warn({ err: error }, 'ops summary refresh failed');
    } finally {
      loading = false;
    }
  };

  const stop = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        timer = setInterval(() => void tick(), everyMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    close() {
      listeners.clear();
      stop();
    },
    get size() {
      return listeners.size;
    },
  };
}

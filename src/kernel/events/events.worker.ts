/**
 * The outbox worker (role `worker`): fans new events out into one delivery per handler,
 * then claims due deliveries and runs the handlers, at least once each.
 *
 * A handler that throws (or overruns its time limit) is retried with exponential backoff;
 * after `maxAttempts` its delivery becomes a dead letter that an operator can retry. A
 * delivery that succeeded is never run again. If the process dies mid-delivery, the lease
 * lapses and another worker (or this one, restarted) takes the delivery over.
 *
 * The worker polls: every `pollMs` when idle, at once again while there is work. It does
 * not LISTEN for publications, since a NOTIFY would serialise the publishers' commits
 * (docs/decisions/0009).
 */
import type { AppContext } from '../context';
import type { EventHandler, OutboxEvent } from '../manifest';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffOptions } from './events.backoff';
import {
  claimDueDeliveries,
  fanOutEvents,
  markDelivered,
  markFailed,
  releaseClaim,
  type ClaimedDelivery,
} from './events.queries';

export interface WorkerOptions {
  /** Retry delays; `{ baseMs: 0 }` retries at once (tests). */
  backoff?: Partial<BackoffOptions>;
  /** Attempts before a dead letter; default `config.outboxMaxAttempts`. */
  maxAttempts?: number;
  /** Time a handler may take before its attempt counts as failed (default 60 s). */
  handlerTimeoutMs?: number;
  /** Idle polling interval (default 200 ms). */
  pollMs?: number;
  /** false: no background loop; the caller drives the worker with runOnce() (tests). */
  poll?: boolean;
  batchSize?: number;
  /** Source of jitter; tests pin it. */
  random?: () => number;
}

export interface RunSummary {
  delivered: number;
  retried: number;
  dead: number;
}

export interface Worker {
  /** Delivers everything due now (fan-out included) and returns what happened. */
  runOnce(): Promise<RunSummary>;
  /** Stops polling, lets the delivery in progress finish, and hands back unstarted claims. */
  stop(): Promise<void>;
}

const MAX_ERROR_LENGTH = 2000;

export function startWorker(
  ctx: AppContext,
  handlers: readonly EventHandler[],
  options: WorkerOptions = {},
): Worker {
  const byName = new Map<string, EventHandler>();
  const byType = new Map<string, string[]>();
  for (const handler of handlers) {
    if (byName.has(handler.name)) throw new Error(`two event handlers are named ${handler.name}`);
    byName.set(handler.name, handler);
    byType.set(handler.event, [...(byType.get(handler.event) ?? []), handler.name]);
  }
  const names = [...byName.keys()];
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxAttempts = options.maxAttempts ?? ctx.config.outboxMaxAttempts;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 60_000;
  // The lease outlives the time limit, so a slow handler is failed before anyone takes over.
  const leaseMs = handlerTimeoutMs + 30_000;
  const pollMs = options.pollMs ?? 200;
  const batchSize = options.batchSize ?? 50;
  const random = options.random ?? Math.random;

  let stopping = false;
  let running: Promise<RunSummary> | null = null;
  let wake: (() => void) | null = null;

  async function deliver(claim: ClaimedDelivery, summary: RunSummary): Promise<void> {
    const handler = byName.get(claim.handler)!;
    const event: OutboxEvent = {
      id: claim.eventId,
      type: claim.type,
      aggregateId: claim.aggregateId,
      payload: claim.payload,
      occurredAt: claim.occurredAt,
    };
    try {
      await withTimeout(handler.handle(event, ctx), handlerTimeoutMs);
      await markDelivered(ctx.db, claim, ctx.clock.now());
      summary.delivered += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(
        0,
        MAX_ERROR_LENGTH,
      );
      const dead = claim.attempts >= maxAttempts;
      const retryAt = dead
        ? null
        : new Date(ctx.clock.now().getTime() + retryDelayMs(claim.attempts, backoff, random));
      await markFailed(ctx.db, claim, message, retryAt);
      if (dead) summary.dead += 1;
      else summary.retried += 1;
      ctx.log[dead ? 'error' : 'warn'](
        { handler: claim.handler, eventId: claim.eventId, attempt: claim.attempts, err: error },
        dead ? 'event delivery failed for good (dead letter)' : 'event delivery failed; will retry',
      );
    }
  }

  async function pass(): Promise<RunSummary> {
    const summary: RunSummary = { delivered: 0, retried: 0, dead: 0 };
    // A process without handlers (e.g. before any module subscribes) must not fan events
    // out: they would be marked as handled by nobody.
    while (!stopping && names.length > 0) {
      const fanned = await fanOutEvents(ctx.db, byType, ctx.clock.now(), batchSize);
      const now = ctx.clock.now();
      const claims = await claimDueDeliveries(
        ctx.db,
        names,
        now,
        new Date(now.getTime() + leaseMs),
        batchSize,
      );
      for (const [index, claim] of claims.entries()) {
        if (stopping) {
          for (const unstarted of claims.slice(index)) {
            await releaseClaim(ctx.db, unstarted, ctx.clock.now());
          }
          break;
        }
        await deliver(claim, summary);
      }
      if (fanned === 0 && claims.length === 0) break;
    }
    return summary;
  }

  /** One pass at a time in this process, whether started by the loop or by runOnce. */
  async function runOnce(): Promise<RunSummary> {
    while (running) await running.catch(() => undefined);
    running = pass();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        await runOnce();
      } catch (error) {
        ctx.log.error({ err: error }, 'outbox worker pass failed');
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        function done(): void {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    }
  }

  const looping = options.poll === false ? Promise.resolve() : loop();

  return {
    runOnce,
    async stop() {
      stopping = true;
      wake?.();
      await looping;
      while (running) await running.catch(() => undefined);
    },
  };
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Events: the transactional outbox and the worker that delivers it.
 *
 * Tables owned: outbox_event, outbox_delivery.
 * Any part publishes with `publish(trx, event)` inside its own transaction; the worker
 * (role `worker`) delivers every event at least once to each in-process handler of its
 * type (Manifest.handlers), retrying with exponential backoff and parking deliveries that
 * keep failing as dead letters for an operator to retry (GET /api/events/dead-letters,
 * POST /api/events/deliveries/:id/retry).
 */
import type { EventHandler, Manifest } from '../manifest';

export { publish, publishInBatch, type NewOutboxEvent } from './events.publish';
export { startWorker, type Worker, type WorkerOptions, type RunSummary } from './events.worker';
export { retryDelayMs, type BackoffOptions } from './events.backoff';
export { eventsManifest } from './events.manifest';

/** Every handler declared by the given parts (for `startWorker`). */
export function collectHandlers(manifests: readonly Manifest[]): EventHandler[] {
  return manifests.flatMap((manifest) => manifest.handlers ?? []);
}

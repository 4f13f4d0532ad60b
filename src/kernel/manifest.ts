/**
 * What a part of the platform (a kernel concern or a module) contributes: its migrations,
 * its HTTP routes, the outbox events it handles, its periodic jobs and its seed data.
 * `src/parts.ts` lists every manifest; the app, the worker, the scheduler, the migrator
 * and the seeder all read that one list, so adding a module is one line there.
 */
import type { Migration } from 'kysely';
import type { Api } from './http/api';
import type { AppContext } from './context';

export interface OutboxEvent<P = unknown> {
  id: string;
  type: string;
  /** Identifier of the record the event is about, e.g. a report id. */
  aggregateId: string | null;
  payload: P;
  occurredAt: Date;
}

export interface EventHandler {
  /** Stable name; delivery is tracked per (event, handler), so renaming re-delivers. */
  name: string;
  /** Event type handled, e.g. `auth.user_disabled`. */
  event: string;
  /** Must be idempotent: an event may be delivered more than once. */
  handle(event: OutboxEvent, ctx: AppContext): Promise<void>;
}

export interface PeriodicJob {
  /** Stable name; one instance at a time across all scheduler processes. */
  name: string;
  everySeconds: number;
  run(ctx: AppContext): Promise<void>;
}

export interface SeedStep {
  /** Reference data every installation needs (idempotent, runs on every `seed`). */
  reference?(ctx: AppContext): Promise<void>;
  /** Quảng Ninh demo data, loaded on the first start of an empty database only. */
  demo?(ctx: AppContext): Promise<void>;
}

export interface Manifest {
  name: string;
  /** Frozen migrations, named `<UTC yyyyMMddHHmmss>_<part>_<verb_object>`. */
  migrations?: Record<string, Migration>;
  /** Registered under the `/api` prefix. */
  routes?(app: Api, ctx: AppContext): Promise<void>;
  /**
   * Registered without prefix, for protocols whose paths are fixed by a standard outside
   * `/api` (e.g. Open311 at `/open311/v2/`). They are left out of the OpenAPI document.
   */
  rootRoutes?(app: Api, ctx: AppContext): Promise<void>;
  handlers?: EventHandler[];
  jobs?: PeriodicJob[];
  seed?: SeedStep;
}

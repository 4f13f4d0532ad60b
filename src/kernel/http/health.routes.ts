/** Liveness and readiness for load balancers and orchestrators. */
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Api } from './api';
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';

/** A dependency the platform needs to serve requests (database, broker…). */
export interface ReadinessProbe {
  name: string;
  check(): Promise<void>;
}

const Status = Type.Object({ status: Type.Literal('ok') });

export async function healthRoutes(
  app: Api,
  ctx: AppContext,
  probes: ReadinessProbe[],
): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process answers',
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  const allProbes: ReadinessProbe[] = [
    { name: 'database', check: async () => void (await sql`SELECT 1`.execute(ctx.db)) },
    ...probes,
  ];
  app.get(
    '/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database and the message broker are reachable',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            checks: Type.Record(Type.String(), Type.Literal('ok')),
          }),
        },
      },
    },
    async () => {
      const checks: Record<string, 'ok'> = {};
      const failed: string[] = [];
      for (const probe of allProbes) {
        try {
          await withTimeout(probe.check(), 3000);
          checks[probe.name] = 'ok';
        } catch {
          failed.push(probe.name);
        }
      }
      if (failed.length > 0) throw httpErrors.NOT_READY({ failed });
      return { status: 'ok' as const, checks };
    },
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

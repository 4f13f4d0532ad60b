/** The state of every periodic job a scheduler has registered, for operators. */
import type { AppContext } from '../context';
import { listJobLeases } from './jobs.queries';

export interface JobStatus {
  name: string;
  everySeconds: number;
  state: 'running' | 'idle' | 'never_run';
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastStatus: 'running' | 'ok' | 'failed' | null;
  lastError: string | null;
  nextRunAt: Date | null;
}

export async function listJobStatus(ctx: AppContext): Promise<JobStatus[]> {
  const now = ctx.clock.now();
  const leases = await listJobLeases(ctx.db);
  return leases.map((lease) => {
    const running = lease.lastStatus === 'running' && lease.leaseUntil > now;
    const next = lease.lastStartedAt
      ? new Date(lease.lastStartedAt.getTime() + lease.everySeconds * 1000)
      : null;
    return {
      name: lease.name,
      everySeconds: lease.everySeconds,
      state: running ? 'running' : lease.lastStartedAt ? 'idle' : 'never_run',
      lastStartedAt: lease.lastStartedAt,
      lastFinishedAt: lease.lastFinishedAt,
      lastStatus: lease.lastStatus,
      lastError: lease.lastError,
      nextRunAt: next && next > now ? next : null,
    };
  });
}

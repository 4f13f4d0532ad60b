/**
 * The scheduler (role `scheduler`): runs every part's periodic jobs, each at its interval
 * and at most one instance at a time across all scheduler processes (see jobs.queries.ts).
 *
 * Jobs run side by side, so an hourly clean-up never delays the audit sealer's one-second
 * beat. A running job's lease is renewed while it runs; if its process dies, the lease
 * lapses and another scheduler takes the job over. A failed run is recorded with its error
 * and the job runs again at its next interval.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context';
import type { PeriodicJob } from '../manifest';
import { claimJob, finishJob, registerJob, renewJobLease } from './jobs.queries';

export interface SchedulerOptions {
  /** How often due jobs are looked for (default 250 ms). */
  tickMs?: number;
  /** Lease length, renewed every third of it while the job runs (default 60 s). */
  leaseMs?: number;
  /** false: no background loop; the caller drives it with runDue() (tests). */
  poll?: boolean;
}

export type JobRun = { name: string } & ({ status: 'ok' } | { status: 'failed'; error: string });

export interface Scheduler {
  /** Starts every due job this process can claim and waits for them to finish. */
  runDue(): Promise<JobRun[]>;
  /** Stops looking for due jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}

const MAX_ERROR_LENGTH = 2000;
/** A standby scheduler looks at a job it did not get at least this often. */
const STANDBY_CHECK_MS = 5000;

export function startScheduler(
  ctx: AppContext,
  jobs: readonly PeriodicJob[],
  options: SchedulerOptions = {},
): Scheduler {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`two periodic jobs are named ${job.name}`);
    if (!(job.everySeconds > 0)) throw new Error(`job ${job.name} needs everySeconds > 0`);
    names.add(job.name);
  }
  const owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const tickMs = options.tickMs ?? 250;
  const leaseMs = options.leaseMs ?? 60_000;
  const inFlight = new Map<string, Promise<JobRun>>();
  /** Per job, when this process next tries to claim it (the background loop only). */
  const nextCheck = new Map<string, number>();
  let stopping = false;

  // Registration only makes never-run jobs visible in the status API; it is retried on
  // every tick until it succeeds, so a database that is down at start-up does no harm.
  let registered = false;
  async function ensureRegistered(): Promise<void> {
    if (registered) return;
    for (const job of jobs) await registerJob(ctx.db, job.name, job.everySeconds);
    registered = true;
  }
  const firstRegistration = ensureRegistered().catch((error: unknown) =>
    ctx.log.warn({ err: error }, 'could not register periodic jobs; will retry'),
  );

  async function execute(job: PeriodicJob): Promise<JobRun> {
    const renewal = setInterval(() => {
      const until = new Date(ctx.clock.now().getTime() + leaseMs);
      renewJobLease(ctx.db, job.name, owner, until).then(
        (held) => {
          if (!held) ctx.log.error({ job: job.name }, 'job lease lost while running');
        },
        (error: unknown) => ctx.log.warn({ job: job.name, err: error }, 'job lease renewal failed'),
      );
    }, leaseMs / 3);
    let run: JobRun;
    try {
      await job.run(ctx);
      run = { name: job.name, status: 'ok' };
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(
        0,
        MAX_ERROR_LENGTH,
      );
      ctx.log.error({ job: job.name, err: error }, 'periodic job failed');
      run = { name: job.name, status: 'failed', error: message };
    } finally {
      clearInterval(renewal);
    }
    await finishJob(ctx.db, job.name, owner, ctx.clock.now(), run);
    return run;
  }

  /** Claims and starts one job; gives its run, or null if it was not ours to run. */
  async function tryStart(job: PeriodicJob): Promise<{ run: Promise<JobRun> } | null> {
    if (inFlight.has(job.name) || stopping) return null;
    const now = ctx.clock.now();
    const claimed = await claimJob(ctx.db, job, owner, now, new Date(now.getTime() + leaseMs));
    if (!claimed) {
      nextCheck.set(job.name, Date.now() + Math.min(job.everySeconds * 1000, STANDBY_CHECK_MS));
      return null;
    }
    const running = execute(job)
      .catch((error: unknown): JobRun => {
        // Only the bookkeeping can fail here (the job's own failure is caught in execute);
        // the lease then lapses on its own and the job runs again.
        ctx.log.error({ job: job.name, err: error }, 'could not record periodic job outcome');
        return { name: job.name, status: 'failed', error: String(error) };
      })
      .finally(() => {
        inFlight.delete(job.name);
        nextCheck.set(job.name, Date.now() + job.everySeconds * 1000);
      });
    inFlight.set(job.name, running);
    return { run: running };
  }

  async function runDue(): Promise<JobRun[]> {
    await ensureRegistered();
    const started: Promise<JobRun>[] = [];
    for (const job of jobs) {
      const claim = await tryStart(job);
      if (claim) started.push(claim.run);
    }
    return Promise.all(started);
  }

  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> = Promise.resolve();
  async function tick(): Promise<void> {
    try {
      await ensureRegistered();
    } catch (error) {
      ctx.log.warn({ err: error }, 'could not register periodic jobs');
      return;
    }
    for (const job of jobs) {
      if (stopping) return;
      if ((nextCheck.get(job.name) ?? 0) > Date.now()) continue;
      try {
        // The run itself is not awaited: jobs run side by side, and the next tick skips
        // the ones still in flight.
        await tryStart(job);
      } catch (error) {
        ctx.log.warn({ job: job.name, err: error }, 'could not claim periodic job');
      }
    }
  }
  function schedule(): void {
    if (stopping) return;
    timer = setTimeout(() => {
      ticking = tick().finally(schedule);
    }, tickMs);
  }
  if (options.poll !== false) schedule();

  return {
    runDue,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await ticking;
      await Promise.allSettled([...inFlight.values()]);
      await firstRegistration;
    },
  };
}

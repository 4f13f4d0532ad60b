/**
 * Jobs: the scheduler that runs every part's periodic jobs (Manifest.jobs), one instance at
 * a time across processes, through a lease row per job.
 *
 * Tables owned: job_lease. Events published: none. Events consumed: none.
 * `startScheduler(ctx, collectJobs(manifests))` in the scheduler role; GET /api/jobs shows
 * each job's state.
 */
import type { Manifest, PeriodicJob } from '../manifest';

export {
  startScheduler,
  type Scheduler,
  type SchedulerOptions,
  type JobRun,
} from './jobs.scheduler';
export { listJobStatus, type JobStatus } from './jobs.status';
export { jobsManifest } from './jobs.manifest';

/** Every periodic job declared by the given parts (for `startScheduler`). */
export function collectJobs(manifests: readonly Manifest[]): PeriodicJob[] {
  return manifests.flatMap((manifest) => manifest.jobs ?? []);
}

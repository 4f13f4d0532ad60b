import type { ColumnType } from 'kysely';

export type JobStatus = 'running' | 'ok' | 'failed';

export interface JobLeaseTable {
  /** PeriodicJob.name. */
  name: string;
  everySeconds: number;
  /** Scheduler instance holding or last holding the lease. */
  owner: string;
  /** The job may not start elsewhere before this instant. */
  leaseUntil: Date;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastStatus: ColumnType<JobStatus | null, JobStatus | null | undefined, JobStatus | null>;
  lastError: string | null;
}

export interface JobsTables {
  jobLease: JobLeaseTable;
}

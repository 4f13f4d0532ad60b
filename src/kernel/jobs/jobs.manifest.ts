/** The scheduler's part: the job lease table and the job status API. */
import type { Manifest } from '../manifest';
import * as createJobLease from './migrations/20261121004200_jobs_create_job_lease';
import { jobsRoutes } from './jobs.routes';

export const jobsManifest: Manifest = {
  name: 'jobs',
  migrations: { '20261121004200_jobs_create_job_lease': createJobLease },
  routes: jobsRoutes,
};

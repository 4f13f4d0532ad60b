/** Job status API (permission events.manage): what runs, when it last ran, how it went. */
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { PERMISSIONS } from '../auth/permissions';
import { listJobStatus } from './jobs.status';
import { JobStatusList } from './jobs.schemas';

export async function jobsRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Status of every periodic job: last run, outcome, next run',
        response: { 200: JobStatusList },
      },
    },
    async (request) => {
      requirePermission(request, PERMISSIONS.eventsManage);
      const jobs = await listJobStatus(ctx);
      return {
        items: jobs.map((job) => ({
          ...job,
          lastStartedAt: job.lastStartedAt?.toISOString() ?? null,
          lastFinishedAt: job.lastFinishedAt?.toISOString() ?? null,
          nextRunAt: job.nextRunAt?.toISOString() ?? null,
        })),
      };
    },
  );
}

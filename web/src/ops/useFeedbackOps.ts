/**
 * The citizen-report figures of the operations center (GET /api/feedback/ops), refreshed
 * every 30 s: they change with each report filed or answered, and need no second-by-second
 * push like the audit counters.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api/client';
import type { paths } from '../shared/api/openapi';

export type FeedbackOps =
  paths['/api/feedback/ops']['get']['responses'][200]['content']['application/json'];

export const FEEDBACK_REFRESH_MS = 30_000;

export function useFeedbackOps() {
  return useQuery({
    queryKey: ['ops', 'feedback'] as const,
    queryFn: () => unwrap(api.GET('/api/feedback/ops')),
    refetchInterval: FEEDBACK_REFRESH_MS,
    refetchIntervalInBackground: true,
  });
}

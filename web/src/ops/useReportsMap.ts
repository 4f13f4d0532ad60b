/**
 * The open citizen reports as map points (GET /api/feedback/map?status=open), refreshed
 * every 30 s like the other report figures.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api/client';
import type { paths } from '../shared/api/openapi';
import { FEEDBACK_REFRESH_MS } from './useFeedbackOps';

export type ReportsFeed =
  paths['/api/feedback/map']['get']['responses'][200]['content']['application/json'];
export type Lateness = ReportsFeed['features'][number]['properties']['lateness'];

export function useReportsMap() {
  return useQuery({
    queryKey: ['ops', 'feedback', 'map'] as const,
    queryFn: () => unwrap(api.GET('/api/feedback/map', { params: { query: { status: 'open' } } })),
    refetchInterval: FEEDBACK_REFRESH_MS,
    refetchIntervalInBackground: true,
  });
}

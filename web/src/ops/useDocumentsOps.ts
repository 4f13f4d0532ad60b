/**
 * The official-document figures of the operations center (GET /api/documents/ops), refreshed
 * every 30 s like the citizen reports: documents move at the pace of a working day.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api/client';
import type { paths } from '../shared/api/openapi';
import { FEEDBACK_REFRESH_MS } from './useFeedbackOps';

export type DocumentsOps =
  paths['/api/documents/ops']['get']['responses'][200]['content']['application/json'];

export function useDocumentsOps() {
  return useQuery({
    queryKey: ['ops', 'documents'] as const,
    queryFn: () => unwrap(api.GET('/api/documents/ops')),
    refetchInterval: FEEDBACK_REFRESH_MS,
    refetchIntervalInBackground: true,
  });
}

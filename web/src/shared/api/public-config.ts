/** The platform's public settings (GET /api/config/public): province, map tiles, language. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function usePublicConfig() {
  return useQuery({
    queryKey: ['config', 'public'],
    queryFn: () => unwrap(api.GET('/api/config/public')),
    staleTime: 10 * 60 * 1000,
  });
}

/**
 * The choices of the inbox filters: the communes of the province, the agencies under the
 * officer's own (a province or district officer reaches several), and the officers of the
 * agencies in reach. Each is loaded once and kept: they change rarely.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import { usePublicConfig } from '../../shared/api/public-config';
import { fetchOfficers } from './inbox-api';

const LONG = 10 * 60 * 1000;

export function useCommuneOptions() {
  const config = usePublicConfig();
  const province = config.data?.provinceCode ?? '';
  return useQuery({
    queryKey: ['geo', 'communes', 'options', province],
    enabled: province !== '',
    staleTime: LONG,
    queryFn: async () => {
      // A province has tens to a few hundred communes: a few pages at most.
      const all: { code: string; name: string }[] = [];
      for (let page = 1; ; page++) {
        const reply = await unwrap(
          api.GET('/api/geo/communes', { params: { query: { province, page, pageSize: 100 } } }),
        );
        all.push(...reply.items.map((item) => ({ code: item.code, name: item.fullName })));
        if (reply.items.length === 0 || all.length >= reply.total) break;
      }
      return all.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    },
  });
}

export function useAgencyScopeOptions(agencyId: string | null) {
  return useQuery({
    queryKey: ['agencies', 'within', agencyId],
    enabled: agencyId !== null,
    staleTime: LONG,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/agencies', {
            params: {
              query: {
                view: 'tree',
                within: agencyId!,
                includeInactive: false,
                page: 1,
                pageSize: 200,
              },
            },
          }),
        )
      ).items,
  });
}

export function useOfficerOptions() {
  return useQuery({
    queryKey: ['feedback-inbox', 'officers'],
    staleTime: LONG,
    queryFn: fetchOfficers,
  });
}

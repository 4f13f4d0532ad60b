/**
 * The public report endpoints behind the portal's list, map and scorecard: the paged list
 * (GET /api/feedback/reports), the map feed (GET /api/feedback/map), the agency scorecard
 * (GET /api/feedback/scorecard) and the communes of the province for the filter. None of
 * them carries personal data; the server never puts it in these answers.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { dayEnd, dayStart, type ListFilters, statusesOf } from './list-filters';
import { feedQuery, type MapFilters } from './map-filters';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type ReportPage = Json<paths['/api/feedback/reports']['get']['responses'][200]>;
export type ReportListItem = ReportPage['items'][number];
export type MapFeed = Json<paths['/api/feedback/map']['get']['responses'][200]>;
export type MapFeature = MapFeed['features'][number];
export type Lateness = MapFeature['properties']['lateness'];
export type Scorecard = Json<paths['/api/feedback/scorecard']['get']['responses'][200]>;
export type AgencyScore = Scorecard['agencies'][number];
export type Commune = Json<paths['/api/geo/communes']['get']['responses'][200]>['items'][number];

export const PAGE_SIZE = 20;

export function useReportPage(filters: ListFilters, page: number) {
  return useQuery({
    queryKey: ['feedback-public', 'list', filters, page] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/feedback/reports', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              sort: filters.sort,
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
              ...(filters.communeCode ? { communeCode: filters.communeCode } : {}),
              ...(filters.status ? { status: statusesOf(filters.status) } : {}),
              ...(filters.from ? { from: dayStart(filters.from) } : {}),
              ...(filters.to ? { to: dayEnd(filters.to) } : {}),
            },
          },
        }),
      ),
    // The rows of the last page stay on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useMapFeed(filters: MapFilters) {
  return useQuery({
    queryKey: ['feedback-public', 'map', filters] as const,
    queryFn: () => unwrap(api.GET('/api/feedback/map', { params: { query: feedQuery(filters) } })),
    staleTime: 30 * 1000,
  });
}

export function useScorecard(span: { from: string } | null) {
  return useQuery({
    queryKey: ['feedback-public', 'scorecard', span] as const,
    queryFn: () => unwrap(api.GET('/api/feedback/scorecard', { params: { query: span ?? {} } })),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60 * 1000,
  });
}

/** The commune-level units of the province, by name (Quảng Ninh has 54: one page). */
export function useCommunes(provinceCode: string | undefined) {
  return useQuery({
    queryKey: ['geo', 'communes', provinceCode] as const,
    queryFn: async () => {
      const communes: Commune[] = [];
      for (let page = 1; ; page++) {
        const reply = await unwrap(
          api.GET('/api/geo/communes', {
            params: { query: { province: provinceCode, page, pageSize: 100 } },
          }),
        );
        communes.push(...reply.items);
        if (reply.items.length === 0 || communes.length >= reply.total) break;
      }
      return communes.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    },
    enabled: !!provinceCode,
    staleTime: 24 * 60 * 60 * 1000,
  });
}

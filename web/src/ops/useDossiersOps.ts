/**
 * The dossiers' figures of the operations center for a period: the service-quality index of
 * Decision 766/QĐ-TTg (GET /api/dossiers/index) and the operations figures beside it (GET
 * /api/dossiers/ops). The server keeps the index counted for 10–60 s, so asking every minute
 * keeps the wall screen current without counting a province's dossiers for nothing. While a
 * newly chosen period loads, the previous one stays on screen (marked as being replaced)
 * rather than the panel emptying.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api/client';
import type { paths } from '../shared/api/openapi';

export type DossierIndex =
  paths['/api/dossiers/index']['get']['responses'][200]['content']['application/json'];
export type IndexGroup = DossierIndex['groups'][number];
export type IndexIndicator = IndexGroup['indicators'][number];
export type IndexAgency = DossierIndex['agencies'][number];
export type DossierOpsFigures =
  paths['/api/dossiers/ops']['get']['responses'][200]['content']['application/json'];
export type TrendMonth = DossierOpsFigures['trend'][number];
export type DueDossier = DossierOpsFigures['dueToday']['items'][number];

export const DOSSIERS_REFRESH_MS = 60_000;
/** Procedure names change with the catalog, a few times a year. */
const PROCEDURE_NAME_STALE_MS = 60 * 60 * 1000;

export function useDossierIndex(period: string) {
  return useQuery({
    queryKey: ['ops', 'dossiers', 'index', period] as const,
    queryFn: () => unwrap(api.GET('/api/dossiers/index', { params: { query: { period } } })),
    refetchInterval: DOSSIERS_REFRESH_MS,
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
  });
}

export function useDossierOpsFigures(period: string) {
  return useQuery({
    queryKey: ['ops', 'dossiers', 'figures', period] as const,
    queryFn: () => unwrap(api.GET('/api/dossiers/ops', { params: { query: { period } } })),
    refetchInterval: DOSSIERS_REFRESH_MS,
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
  });
}

/**
 * The names of the procedures shown (the operations figures name a dossier's procedure by
 * its code only), from the public catalog, each asked once an hour; a name not known yet
 * (or not found) leaves the code to stand alone.
 */
export function useProcedureNames(
  codes: readonly string[],
): Map<string, { vi: string; en: string }> {
  const distinct = [...new Set(codes)];
  const results = useQueries({
    queries: distinct.map((code) => ({
      queryKey: ['procedures', code, 'name'] as const,
      queryFn: async () => {
        const procedure = await unwrap(
          api.GET('/api/procedures/{code}', { params: { path: { code } } }),
        );
        return { vi: procedure.name, en: procedure.nameEn };
      },
      staleTime: PROCEDURE_NAME_STALE_MS,
      retry: false,
    })),
  });
  const names = new Map<string, { vi: string; en: string }>();
  distinct.forEach((code, index) => {
    const name = results[index]?.data;
    if (name) names.set(code, name);
  });
  return names;
}

/**
 * The public catalog endpoints behind the portal's procedure pages: the paged search
 * (GET /api/procedures), the fields with their counts (GET /api/procedures/fields) and one
 * procedure whole (GET /api/procedures/:code). Procedures change a few times a year, so
 * answers stay fresh for minutes rather than seconds.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import type { FormDefinition } from '../../../../src/kernel/forms';
import { catalogQuery, type CatalogFilters } from './catalog-filters';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type CatalogPage = Json<paths['/api/procedures']['get']['responses'][200]>;
export type ProcedureSummary = CatalogPage['items'][number];
export type ProcedureFields = Json<paths['/api/procedures/fields']['get']['responses'][200]>;
type ProcedureViewJson = Json<paths['/api/procedures/{code}']['get']['responses'][200]>;
/**
 * The form is typed by the kernel's own definition: the generated type spells every nesting
 * of conditions out and says the same thing less usefully.
 */
export type ProcedureView = Omit<ProcedureViewJson, 'form'> & { form: FormDefinition };
export type ProcedureTthc = ProcedureView['tthc'];
export type ProcessStep = ProcedureView['process']['steps'][number];

export const PAGE_SIZE = 20;
const CATALOG_FRESH_MS = 5 * 60 * 1000;

/** Codes as the national database writes them (`1.001193`); anything else is not one. */
export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[A-Z0-9]{1,10})?$/;

export function useCatalogPage(filters: CatalogFilters, page: number) {
  return useQuery({
    queryKey: ['procedures', 'list', filters, page] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/procedures', { params: { query: catalogQuery(filters, page, PAGE_SIZE) } }),
      ),
    // The last page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
    staleTime: CATALOG_FRESH_MS,
  });
}

export function useProcedureFields() {
  return useQuery({
    queryKey: ['procedures', 'fields'] as const,
    queryFn: () => unwrap(api.GET('/api/procedures/fields')),
    staleTime: CATALOG_FRESH_MS,
  });
}

export function useProcedure(code: string) {
  return useQuery({
    queryKey: ['procedures', 'one', code] as const,
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/procedures/{code}', { params: { path: { code } } }),
      )) as unknown as ProcedureView,
    enabled: PROCEDURE_CODE.test(code),
    staleTime: CATALOG_FRESH_MS,
    // A 404 is an answer, not a hiccup to retry.
    retry: (failures, error) =>
      !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
  });
}

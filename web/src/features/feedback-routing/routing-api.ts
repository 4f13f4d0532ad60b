/**
 * The routing administration endpoints as the console uses them: the matrix (category ×
 * commune → agency, with each cell's default), the all-or-nothing save of several cells,
 * and the category settings (deadline, active flag, answer templates).
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type RoutingMatrix = Json<paths['/api/feedback/admin/routing']['get']['responses'][200]>;
export type MatrixCell = RoutingMatrix['cells'][number];
export type MatrixCategory = RoutingMatrix['categories'][number];
export type MatrixCommune = RoutingMatrix['communes'][number];
export type MatrixAgency = RoutingMatrix['agencies'][number];
export type CellChange = NonNullable<
  paths['/api/feedback/admin/routing/cells']['post']['requestBody']
>['content']['application/json']['cells'][number];
export type CategorySettings = Json<
  paths['/api/feedback/admin/categories/{code}']['patch']['responses'][200]
>;
export type CategorySettingsChange = NonNullable<
  paths['/api/feedback/admin/categories/{code}']['patch']['requestBody']
>['content']['application/json'];
export type DeadlineUnit = CategorySettings['deadline']['unit'];

export const ROUTING_KEY = ['feedback-routing'] as const;

export function useRoutingMatrix() {
  return useQuery({
    queryKey: [...ROUTING_KEY, 'matrix'],
    queryFn: () => unwrap(api.GET('/api/feedback/admin/routing')),
  });
}

export function useCategorySettings() {
  return useQuery({
    queryKey: [...ROUTING_KEY, 'categories'],
    queryFn: () => unwrap(api.GET('/api/feedback/admin/categories')),
  });
}

export function saveCells(cells: CellChange[]) {
  return unwrap(api.POST('/api/feedback/admin/routing/cells', { body: { cells } }));
}

export function saveCategorySettings(code: string, body: CategorySettingsChange) {
  return unwrap(
    api.PATCH('/api/feedback/admin/categories/{code}', { params: { path: { code } }, body }),
  );
}

/** `category|commune`: the key of a cell in maps of cells and of unsaved edits. */
export const cellKey = (categoryCode: string, communeCode: string): string =>
  `${categoryCode}|${communeCode}`;

/**
 * The citizen-report endpoints as the portal uses them: categories, the commune of a point,
 * nearby open reports, a report by tracking code, rating and following. Filing a report is
 * in submit-report.ts, because it sends photos as multipart and must survive being offline.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type CategoryList = Json<
  paths['/api/feedback/categories']['get']['responses'][200]
>['items'];
export type Category = CategoryList[number];
export type Question = Category['attributes'][number];
export type NearbyList = Json<paths['/api/feedback/nearby']['get']['responses'][200]>;
export type ReportView = Json<paths['/api/feedback/reports/{code}']['get']['responses'][200]>;
export type ReportStatus = ReportView['status'];
export type Located = Json<paths['/api/geo/locate']['get']['responses'][200]>;

export const SECRET_HEADER = 'X-Report-Secret';

export function useCategories() {
  return useQuery({
    queryKey: ['feedback', 'categories'],
    queryFn: async () => (await unwrap(api.GET('/api/feedback/categories'))).items,
    staleTime: 10 * 60 * 1000,
  });
}

export function locate(lat: number, lon: number): Promise<Located> {
  return unwrap(api.GET('/api/geo/locate', { params: { query: { lat, lon } } }));
}

export function nearby(categoryCode: string, lat: number, lon: number): Promise<NearbyList> {
  return unwrap(api.GET('/api/feedback/nearby', { params: { query: { categoryCode, lat, lon } } }));
}

export function reportQueryKey(code: string) {
  return ['feedback', 'report', code] as const;
}

export function fetchReport(code: string, secret: string | null): Promise<ReportView> {
  return unwrap(
    api.GET('/api/feedback/reports/{code}', {
      params: { path: { code } },
      ...(secret ? { headers: { [SECRET_HEADER]: secret } } : {}),
    }),
  );
}

export function rateReport(
  code: string,
  secret: string,
  rating: 'satisfied' | 'not_satisfied',
  comment: string,
) {
  return unwrap(
    api.POST('/api/feedback/reports/{code}/rating', {
      params: { path: { code } },
      headers: { [SECRET_HEADER]: secret },
      body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  );
}

export function followReport(code: string, email: string, locale: 'vi' | 'en') {
  return unwrap(
    api.POST('/api/feedback/reports/{code}/followers', {
      params: { path: { code } },
      body: { email: email.trim(), locale },
    }),
  );
}

/**
 * The staff inbox endpoints as the console uses them: the filtered list, one report with
 * its internal history, the audited reporter contact, and the actions. The filters live in
 * the address (bookmarkable); the same filters feed the CSV/XLSX export link.
 */
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type InboxQuery = NonNullable<paths['/api/feedback/inbox']['get']['parameters']['query']>;
export type InboxPage = Json<paths['/api/feedback/inbox']['get']['responses'][200]>;
export type InboxItem = InboxPage['items'][number];
export type StaffReport = Json<paths['/api/feedback/inbox/{code}']['get']['responses'][200]>;
export type ReporterContact = Json<
  paths['/api/feedback/inbox/{code}/reporter']['get']['responses'][200]
>;
export type ReportAction = NonNullable<
  paths['/api/feedback/inbox/{code}/actions']['post']['requestBody']
>['content']['application/json'];
export type Status = StaffReport['status'];
export type Sort = NonNullable<InboxQuery['sort']>;

export const STATUSES: readonly Status[] = [
  'new',
  'received',
  'in_progress',
  'resolved',
  'rejected',
  'duplicate',
];
export const SORTS: readonly Sort[] = ['-submittedAt', 'submittedAt', 'deadlineAt', '-deadlineAt'];
export const DEFAULT_SORT: Sort = '-submittedAt';
export const PAGE_SIZE = 20;

export interface InboxFilters {
  q: string;
  status: Status[];
  categoryCode: string;
  overdue: boolean;
  escalated: boolean;
  sort: Sort;
}

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** Reads the filters from the address; anything unknown is ignored. */
export function filtersFrom(params: URLSearchParams): InboxFilters {
  return {
    q: params.get('q') ?? '',
    status: params.getAll('status').flatMap((value) => pick(value, STATUSES) ?? []),
    categoryCode: params.get('categoryCode') ?? '',
    overdue: params.get('overdue') === 'true',
    escalated: params.get('escalated') === 'true',
    sort: pick(params.get('sort'), SORTS) ?? DEFAULT_SORT,
  };
}

/** The filters as query parameters, for the address, the list and the export alike. */
export function filterParams(filters: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  for (const status of filters.status) search.append('status', status);
  if (filters.categoryCode) search.set('categoryCode', filters.categoryCode);
  if (filters.overdue) search.set('overdue', 'true');
  if (filters.escalated) search.set('escalated', 'true');
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  return search;
}

export function exportUrl(filters: InboxFilters, format: 'csv' | 'xlsx'): string {
  const search = filterParams(filters);
  search.set('format', format);
  return `/api/feedback/inbox/export?${search.toString()}`;
}

export function fetchInbox(filters: InboxFilters, page: number): Promise<InboxPage> {
  return unwrap(
    api.GET('/api/feedback/inbox', {
      params: {
        query: {
          page,
          pageSize: PAGE_SIZE,
          sort: filters.sort,
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.status.length > 0 ? { status: filters.status } : {}),
          ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
          ...(filters.overdue ? { overdue: true } : {}),
          ...(filters.escalated ? { escalated: true } : {}),
        },
      },
    }),
  );
}

export function staffReportKey(code: string) {
  return ['feedback-inbox', 'report', code] as const;
}

export function fetchStaffReport(code: string): Promise<StaffReport> {
  return unwrap(api.GET('/api/feedback/inbox/{code}', { params: { path: { code } } }));
}

export function fetchReporter(code: string): Promise<ReporterContact> {
  return unwrap(api.GET('/api/feedback/inbox/{code}/reporter', { params: { path: { code } } }));
}

export function actOn(code: string, body: ReportAction): Promise<StaffReport> {
  return unwrap(
    api.POST('/api/feedback/inbox/{code}/actions', { params: { path: { code } }, body }),
  );
}

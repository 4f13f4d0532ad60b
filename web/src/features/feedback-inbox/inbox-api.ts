/**
 * The staff inbox endpoints as the console uses them: the filtered list and map, one report
 * with its internal history, the audited reporter contact, the officers it may be assigned
 * to, and the actions. The filters live in the address (bookmarkable); the same filters
 * feed the list, the map and the CSV/XLSX export link.
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
export type InboxMapQuery = NonNullable<
  paths['/api/feedback/inbox/map']['get']['parameters']['query']
>;
export type InboxMapFeed = Json<paths['/api/feedback/inbox/map']['get']['responses'][200]>;
export type Officer = Json<
  paths['/api/feedback/inbox/officers']['get']['responses'][200]
>['items'][number];
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
  communeCode: string;
  agencyId: string;
  /** '' for anyone, 'me' for the signed-in officer, or an officer's id. */
  assignee: string;
  /** Calendar days (YYYY-MM-DD, Vietnam time), both included; '' when open-ended. */
  from: string;
  to: string;
  overdue: boolean;
  escalated: boolean;
  sort: Sort;
}

export type InboxView = 'list' | 'map';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMUNE = /^\d{5}$/;

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const matching = (value: string | null, pattern: RegExp): string =>
  value !== null && pattern.test(value) ? value : '';

/** Reads the filters from the address; anything unknown or malformed is ignored. */
export function filtersFrom(params: URLSearchParams): InboxFilters {
  const assignee = params.get('assignee');
  return {
    q: params.get('q') ?? '',
    status: params.getAll('status').flatMap((value) => pick(value, STATUSES) ?? []),
    categoryCode: params.get('categoryCode') ?? '',
    communeCode: matching(params.get('communeCode'), COMMUNE),
    agencyId: matching(params.get('agencyId'), UUID),
    assignee: assignee === 'me' ? 'me' : matching(assignee, UUID),
    from: matching(params.get('from'), DAY),
    to: matching(params.get('to'), DAY),
    overdue: params.get('overdue') === 'true',
    escalated: params.get('escalated') === 'true',
    sort: pick(params.get('sort'), SORTS) ?? DEFAULT_SORT,
  };
}

export function viewFrom(params: URLSearchParams): InboxView {
  return params.get('view') === 'map' ? 'map' : 'list';
}

/** The filters as the address keeps them: readable, bookmarkable ("assignee=me" stays "me"). */
export function filterParams(filters: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  for (const status of filters.status) search.append('status', status);
  if (filters.categoryCode) search.set('categoryCode', filters.categoryCode);
  if (filters.communeCode) search.set('communeCode', filters.communeCode);
  if (filters.agencyId) search.set('agencyId', filters.agencyId);
  if (filters.assignee) search.set('assignee', filters.assignee);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.overdue) search.set('overdue', 'true');
  if (filters.escalated) search.set('escalated', 'true');
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  return search;
}

/** Midnight starting a Vietnam calendar day (the whole country is UTC+7, no summer time). */
function startOfDay(day: string): string {
  return `${day}T00:00:00+07:00`;
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The filters as the server reads them (list, map and export alike); `me` is the officer's id. */
export function serverFilters(filters: InboxFilters, me: string | null): InboxMapQuery {
  const assigneeId = filters.assignee === 'me' ? me : filters.assignee;
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
    ...(filters.communeCode ? { communeCode: filters.communeCode } : {}),
    ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
    ...(assigneeId ? { assigneeId } : {}),
    ...(filters.from ? { from: startOfDay(filters.from) } : {}),
    // "To" names the last day included; the server's bound excludes.
    ...(filters.to ? { to: startOfDay(nextDay(filters.to)) } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.escalated ? { escalated: true } : {}),
  };
}

export function exportUrl(
  filters: InboxFilters,
  me: string | null,
  format: 'csv' | 'xlsx',
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(serverFilters(filters, me))) {
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.set(name, String(value));
  }
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  search.set('format', format);
  return `/api/feedback/inbox/export?${search.toString()}`;
}

export function fetchInbox(
  filters: InboxFilters,
  me: string | null,
  page: number,
): Promise<InboxPage> {
  return unwrap(
    api.GET('/api/feedback/inbox', {
      params: {
        query: { page, pageSize: PAGE_SIZE, sort: filters.sort, ...serverFilters(filters, me) },
      },
    }),
  );
}

export function fetchInboxMap(query: InboxMapQuery): Promise<InboxMapFeed> {
  return unwrap(api.GET('/api/feedback/inbox/map', { params: { query } }));
}

export function fetchOfficers(): Promise<Officer[]> {
  return unwrap(api.GET('/api/feedback/inbox/officers')).then((reply) => reply.items);
}

export function assigneesKey(code: string) {
  return ['feedback-inbox', 'assignees', code] as const;
}

export function fetchAssignees(code: string): Promise<Officer[]> {
  return unwrap(
    api.GET('/api/feedback/inbox/{code}/assignees', { params: { path: { code } } }),
  ).then((reply) => reply.items);
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

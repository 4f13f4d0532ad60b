/**
 * The filters of the public report list as they live in the address, so a filtered list can
 * be bookmarked and shared: `?categoryCode=…&status=open&communeCode=…&from=2026-11-01&
 * to=2026-11-21&q=…&sort=…&page=2`. Days are calendar days in Vietnam; anything unknown in
 * the address is ignored rather than sent to the server.
 */
import type { paths } from '../../shared/api/openapi';

type ListQuery = paths['/api/feedback/reports']['get']['parameters']['query'];
export type ReportStatus = NonNullable<ListQuery['status']>[number];
export type ListSort = ListQuery['sort'];
/** One status, or every open one. */
export type StatusChoice = ReportStatus | 'open';

export const OPEN_STATUSES: readonly ReportStatus[] = ['new', 'received', 'in_progress'];
export const STATUS_CHOICES: readonly StatusChoice[] = [
  'open',
  'new',
  'received',
  'in_progress',
  'resolved',
  'rejected',
  'duplicate',
];
export const SORTS: readonly ListSort[] = [
  '-submittedAt',
  'submittedAt',
  'deadlineAt',
  '-updatedAt',
];
export const DEFAULT_SORT: ListSort = '-submittedAt';

export interface ListFilters {
  q: string;
  categoryCode: string;
  communeCode: string;
  status: StatusChoice | '';
  /** yyyy-mm-dd, inclusive. */
  from: string;
  /** yyyy-mm-dd, inclusive. */
  to: string;
  sort: ListSort;
}

export const NO_FILTERS: ListFilters = {
  q: '',
  categoryCode: '',
  communeCode: '',
  status: '',
  from: '',
  to: '',
  sort: DEFAULT_SORT,
};

const CODE = /^[a-z0-9_]{2,40}$/;
const COMMUNE = /^\d{5}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** A real calendar day written yyyy-mm-dd, or ''. */
export function validDay(value: string | null): string {
  const match = value ? DAY.exec(value) : null;
  if (!match) return '';
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? (value as string)
    : '';
}

export function listFiltersFrom(params: URLSearchParams): ListFilters {
  const category = params.get('categoryCode') ?? '';
  const commune = params.get('communeCode') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    categoryCode: CODE.test(category) ? category : '',
    communeCode: COMMUNE.test(commune) ? commune : '',
    status: pick(params.get('status'), STATUS_CHOICES) ?? '',
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
    sort: pick(params.get('sort'), SORTS) ?? DEFAULT_SORT,
  };
}

/** The filters (and the page, after the first) as the query string of the page's address. */
export function listParams(filters: ListFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.categoryCode) search.set('categoryCode', filters.categoryCode);
  if (filters.communeCode) search.set('communeCode', filters.communeCode);
  if (filters.status) search.set('status', filters.status);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  if (page > 1) search.set('page', String(page));
  return search;
}

export function hasFilters(filters: ListFilters): boolean {
  return listParams({ ...filters, sort: DEFAULT_SORT }).toString() !== '';
}

export function statusesOf(choice: StatusChoice): ReportStatus[] {
  return choice === 'open' ? [...OPEN_STATUSES] : [choice];
}

// Vietnam has kept UTC+7 all year since 1975: a day there starts at 00:00+07:00.
const VIETNAM_OFFSET = '+07:00';

/** The instant a Vietnamese calendar day begins. */
export function dayStart(day: string): string {
  return `${day}T00:00:00${VIETNAM_OFFSET}`;
}

/** The instant after a Vietnamese calendar day ends (the list's `to` is exclusive). */
export function dayEnd(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return `${next.toISOString().slice(0, 10)}T00:00:00${VIETNAM_OFFSET}`;
}

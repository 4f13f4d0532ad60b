/**
 * The catalog search as it lives in the address, so a search can be bookmarked, shared and
 * walked back with the browser's Back button: `/thu-tuc?q=khai+sinh&field=HO_TICH&level=XA&
 * onlineLevel=TOAN_TRINH&applicantType=CONG_DAN&sort=code&page=2`. Anything the server would
 * refuse is dropped here rather than sent, so a mistyped link still opens a list.
 */
import type { paths } from '../../shared/api/openapi';

type CatalogQuery = NonNullable<paths['/api/procedures']['get']['parameters']['query']>;
export type ProcedureLevel = NonNullable<CatalogQuery['level']>;
export type OnlineLevel = NonNullable<CatalogQuery['onlineLevel']>;
export type ApplicantType = NonNullable<CatalogQuery['applicantType']>;
export type CatalogSort = NonNullable<CatalogQuery['sort']>;

export const LEVELS: readonly ProcedureLevel[] = ['TINH', 'XA'];
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['TOAN_TRINH', 'MOT_PHAN'];
export const APPLICANT_TYPES: readonly ApplicantType[] = ['CONG_DAN', 'DOANH_NGHIEP', 'TO_CHUC'];
export const SORTS: readonly CatalogSort[] = ['name', 'code', 'field'];
export const DEFAULT_SORT: CatalogSort = 'name';

/** The server's bounds: 200 characters of search, field codes of up to 40, 10,000 pages. */
const MAX_Q = 200;
const MAX_FIELD = 40;
const MAX_PAGE = 10_000;

export interface CatalogFilters {
  q: string;
  /** A field (lĩnh vực) code, e.g. `HO_TICH`. */
  field: string;
  level: ProcedureLevel | '';
  onlineLevel: OnlineLevel | '';
  applicantType: ApplicantType | '';
  sort: CatalogSort;
}

export const NO_FILTERS: CatalogFilters = {
  q: '',
  field: '',
  level: '',
  onlineLevel: '',
  applicantType: '',
  sort: DEFAULT_SORT,
};

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function catalogFiltersFrom(params: URLSearchParams): CatalogFilters {
  const field = (params.get('field') ?? '').trim();
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_Q),
    field: field.length <= MAX_FIELD ? field : '',
    level: pick(params.get('level'), LEVELS) ?? '',
    onlineLevel: pick(params.get('onlineLevel'), ONLINE_LEVELS) ?? '',
    applicantType: pick(params.get('applicantType'), APPLICANT_TYPES) ?? '',
    sort: pick(params.get('sort'), SORTS) ?? DEFAULT_SORT,
  };
}

/** The page the address asks for: a whole number from 1 to the server's last, else 1. */
export function catalogPageFrom(params: URLSearchParams): number {
  const page = Math.trunc(Number(params.get('page')));
  return Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

/** The filters (and the page, after the first) as the query string of the page's address. */
export function catalogParams(filters: CatalogFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.field) search.set('field', filters.field);
  if (filters.level) search.set('level', filters.level);
  if (filters.onlineLevel) search.set('onlineLevel', filters.onlineLevel);
  if (filters.applicantType) search.set('applicantType', filters.applicantType);
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  if (page > 1) search.set('page', String(page));
  return search;
}

export function hasFilters(filters: CatalogFilters): boolean {
  return catalogParams({ ...filters, sort: DEFAULT_SORT }).toString() !== '';
}

/** The query of GET /api/procedures: only what is chosen, so the server's defaults apply. */
export function catalogQuery(filters: CatalogFilters, page: number, pageSize: number) {
  return {
    page,
    pageSize,
    sort: filters.sort,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.field ? { field: filters.field } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.onlineLevel ? { onlineLevel: filters.onlineLevel } : {}),
    ...(filters.applicantType ? { applicantType: filters.applicantType } : {}),
  } satisfies CatalogQuery;
}

/**
 * The work list's box, filters and order as the address keeps them (bookmarkable, and the
 * back button restores them), and as the server reads them for the list and the export.
 * Whatever the address holds that the server would refuse is dropped, so a hand-edited link
 * still opens a list.
 */
import type { paths } from '../../shared/api/openapi';

type ListQuery = NonNullable<paths['/api/dossiers']['get']['parameters']['query']>;

export type DossierBox = NonNullable<ListQuery['box']>;
export type DossierSort = NonNullable<ListQuery['sort']>;
export type StatusFilter = NonNullable<ListQuery['status']>;
export type ChannelFilter = NonNullable<ListQuery['channel']>;

export const BOXES: readonly DossierBox[] = [
  'todo',
  'reception',
  'supplement',
  'late',
  'due_today',
  'finished',
  'all',
];
export const SORTS: readonly DossierSort[] = ['due', '-submitted', 'submitted', 'code'];
export const STATUSES: readonly StatusFilter[] = [
  'submitted',
  'received',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'resolved',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
];
export const CHANNELS: readonly ChannelFilter[] = ['TRUC_TUYEN', 'TRUC_TIEP', 'BUU_CHINH'];

export const DEFAULT_BOX: DossierBox = 'todo';
export const DEFAULT_SORT: DossierSort = 'due';

export interface DossierFilters {
  box: DossierBox;
  /** A dossier code (or its beginning) or the applicant's name, with or without diacritics. */
  q: string;
  /** A procedure code, e.g. 1.001193. */
  procedure: string;
  status: StatusFilter | '';
  channel: ChannelFilter | '';
  /** Submitted from / to, calendar days in Vietnam (`YYYY-MM-DD`), both included. */
  from: string;
  to: string;
  sort: DossierSort;
}

export const EMPTY_FILTERS: DossierFilters = {
  box: DEFAULT_BOX,
  q: '',
  procedure: '',
  status: '',
  channel: '',
  from: '',
  to: '',
  sort: DEFAULT_SORT,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Q_MAX = 100;
const PROCEDURE_MAX = 30;

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const day = (value: string | null): string => (value !== null && DAY.test(value) ? value : '');

/** The filters in the address; anything unknown or malformed is left out. */
export function filtersFrom(params: URLSearchParams): DossierFilters {
  return {
    box: pick(params.get('box'), BOXES) ?? DEFAULT_BOX,
    q: (params.get('q') ?? '').trim().slice(0, Q_MAX),
    procedure: (params.get('procedure') ?? '').trim().slice(0, PROCEDURE_MAX),
    status: pick(params.get('status'), STATUSES) ?? '',
    channel: pick(params.get('channel'), CHANNELS) ?? '',
    from: day(params.get('from')),
    to: day(params.get('to')),
    sort: pick(params.get('sort'), SORTS) ?? DEFAULT_SORT,
  };
}

/** The address of the filters: only what differs from the defaults, in a stable order. */
export function filterParams(filters: DossierFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.box !== DEFAULT_BOX) search.set('box', filters.box);
  const q = filters.q.trim();
  if (q) search.set('q', q);
  const procedure = filters.procedure.trim();
  if (procedure) search.set('procedure', procedure);
  if (filters.status) search.set('status', filters.status);
  if (filters.channel) search.set('channel', filters.channel);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  if (page > 1) search.set('page', String(page));
  return search;
}

/** The page number in the address: 1 unless a whole number above 1 is given. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 1 ? Math.min(page, 10_000) : 1;
}

/** The filters as the server reads them; the box is always said, empty filters never. */
export function listQuery(filters: DossierFilters): ListQuery {
  const q = filters.q.trim();
  const procedure = filters.procedure.trim();
  return {
    box: filters.box,
    sort: filters.sort,
    ...(q ? { q } : {}),
    ...(procedure ? { procedure } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

/** The download of the whole filtered list (every page) as CSV or XLSX. */
export function exportUrl(filters: DossierFilters, format: 'csv' | 'xlsx'): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(listQuery(filters))) search.set(name, String(value));
  search.set('format', format);
  return `/api/dossiers/export?${search.toString()}`;
}

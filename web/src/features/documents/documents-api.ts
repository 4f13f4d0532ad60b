/**
 * The registers' endpoints as the console uses them (/api/documents/…): the desk, the
 * outgoing and incoming lists with their boxes and filters, one document, drafting, the
 * workflow actions, the paper register and uploads. The list filters live in the address
 * (bookmarkable, the back button works) and feed the list and the register export alike.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import { ApiError, toApiError } from '../../shared/api/api-error';
import { CSRF_HEADER, CSRF_VALUE } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Body<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Desk = Json<paths['/api/documents/desk']['get']['responses'][200]>;
export type Organ = Json<paths['/api/documents/organs']['get']['responses'][200]>[number];
export type OutgoingQuery = NonNullable<
  paths['/api/documents/outgoing']['get']['parameters']['query']
>;
export type IncomingQuery = NonNullable<
  paths['/api/documents/incoming']['get']['parameters']['query']
>;
export type OutgoingPage = Json<paths['/api/documents/outgoing']['get']['responses'][200]>;
export type IncomingPage = Json<paths['/api/documents/incoming']['get']['responses'][200]>;
export type OutgoingItem = OutgoingPage['items'][number];
export type IncomingItem = IncomingPage['items'][number];
export type OutgoingView = Json<paths['/api/documents/outgoing/{id}']['get']['responses'][200]>;
export type IncomingView = Json<paths['/api/documents/incoming/{id}']['get']['responses'][200]>;
export type DraftBody = Body<paths['/api/documents/outgoing']['post']['requestBody']>;
export type OutgoingAction = Body<
  paths['/api/documents/outgoing/{id}/actions']['post']['requestBody']
>;
export type IncomingAction = Body<
  paths['/api/documents/incoming/{id}/actions']['post']['requestBody']
>;
export type PaperBody = Body<paths['/api/documents/incoming']['post']['requestBody']>;
export type Uploaded = Json<paths['/api/files']['post']['responses'][201]>;

export type OutgoingBox = NonNullable<OutgoingQuery['box']>;
export type IncomingBox = NonNullable<IncomingQuery['box']>;
export type OutgoingStatus = OutgoingView['status'];
export type IncomingStatus = IncomingView['status'];
export type Urgency = OutgoingView['urgency'];
export type Secrecy = OutgoingView['secrecy'];
export type DocumentFile = OutgoingView['files'][number];
export type HistoryEntry = OutgoingView['history'][number];

export const OUTGOING_BOXES: readonly OutgoingBox[] = [
  'mine',
  'to_sign',
  'to_issue',
  'register',
  'all',
];
export const INCOMING_BOXES: readonly IncomingBox[] = [
  'to_register',
  'to_assign',
  'mine',
  'overdue',
  'register',
  'all',
];
export const OUTGOING_STATUSES: readonly OutgoingStatus[] = [
  'draft',
  'in_review',
  'approved',
  'signed',
  'issued',
  'recalled',
  'replaced',
];
export const INCOMING_STATUSES: readonly IncomingStatus[] = [
  'received',
  'registered',
  'assigned',
  'processing',
  'done',
  'recalled',
  'replaced',
];
export const URGENCIES: readonly Urgency[] = ['normal', 'urgent', 'very_urgent', 'express'];
export const SECRECIES: readonly Secrecy[] = ['normal', 'confidential', 'secret', 'top_secret'];

/** What the type filter sends for a công văn, which has no abbreviation of its own. */
export const CONG_VAN_FILTER = 'CV';
export const PAGE_SIZE = 20;

/** The filters of either list, as the address keeps them ('' when not set). */
export interface ListFilters {
  box: string;
  q: string;
  status: string;
  /** Outgoing only: an abbreviation, or CONG_VAN_FILTER. */
  type: string;
  /** Calendar days YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pick<T extends string>(value: string | null, options: readonly T[]): T | '' {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : '';
}

const day = (value: string | null): string => (value !== null && DAY.test(value) ? value : '');

/** Reads the filters from the address; anything unknown or malformed is left out. */
export function filtersFrom(params: URLSearchParams, direction: 'outgoing' | 'incoming') {
  const outgoing = direction === 'outgoing';
  return {
    box: pick(params.get('box'), outgoing ? OUTGOING_BOXES : INCOMING_BOXES) || 'all',
    q: params.get('q') ?? '',
    status: pick(params.get('status'), outgoing ? OUTGOING_STATUSES : INCOMING_STATUSES),
    type: outgoing ? (params.get('type') ?? '').slice(0, 8) : '',
    from: day(params.get('from')),
    to: day(params.get('to')),
  } satisfies ListFilters;
}

/** The filters as the address keeps them; the default box and empty values are left out. */
export function filterParams(filters: ListFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.box && filters.box !== 'all') search.set('box', filters.box);
  if (filters.q) search.set('q', filters.q);
  if (filters.status) search.set('status', filters.status);
  if (filters.type) search.set('type', filters.type);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  return search;
}

function serverQuery(filters: ListFilters): Record<string, string> {
  const query: Record<string, string> = { box: filters.box || 'all' };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.status) query.status = filters.status;
  if (filters.type) query.type = filters.type;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** The register export (Decree 30, Appendix IV) with the list's filters. */
export function exportUrl(
  direction: 'outgoing' | 'incoming',
  filters: ListFilters,
  format: 'xlsx' | 'csv',
): string {
  const search = new URLSearchParams({ ...serverQuery(filters), format });
  return `/api/documents/${direction}/export?${search.toString()}`;
}

export function fetchOutgoingList(filters: ListFilters, page: number): Promise<OutgoingPage> {
  return unwrap(
    api.GET('/api/documents/outgoing', {
      params: {
        query: { ...(serverQuery(filters) as OutgoingQuery), page, pageSize: PAGE_SIZE },
      },
    }),
  );
}

export function fetchIncomingList(filters: ListFilters, page: number): Promise<IncomingPage> {
  return unwrap(
    api.GET('/api/documents/incoming', {
      params: {
        query: { ...(serverQuery(filters) as IncomingQuery), page, pageSize: PAGE_SIZE },
      },
    }),
  );
}

export const DESK_KEY = ['documents', 'desk'] as const;

/** The person's desk: agency, rights, kinds, registers, signers, colleagues, counts. */
export function useDesk() {
  return useQuery({
    queryKey: DESK_KEY,
    queryFn: () => unwrap(api.GET('/api/documents/desk')),
    staleTime: 30_000,
  });
}

export function searchOrgans(q: string): Promise<Organ[]> {
  return unwrap(api.GET('/api/documents/organs', { params: { query: q ? { q } : {} } }));
}

export const outgoingKey = (id: string) => ['documents', 'outgoing', id] as const;
export const incomingKey = (id: string) => ['documents', 'incoming', id] as const;

export function fetchOutgoing(id: string): Promise<OutgoingView> {
  return unwrap(api.GET('/api/documents/outgoing/{id}', { params: { path: { id } } }));
}

export function fetchIncoming(id: string): Promise<IncomingView> {
  return unwrap(api.GET('/api/documents/incoming/{id}', { params: { path: { id } } }));
}

export function createDraft(body: DraftBody): Promise<OutgoingView> {
  return unwrap(api.POST('/api/documents/outgoing', { body }));
}

export function updateDraft(id: string, body: DraftBody): Promise<OutgoingView> {
  return unwrap(api.PUT('/api/documents/outgoing/{id}', { params: { path: { id } }, body }));
}

export function actOnOutgoing(id: string, body: OutgoingAction): Promise<OutgoingView> {
  return unwrap(
    api.POST('/api/documents/outgoing/{id}/actions', { params: { path: { id } }, body }),
  );
}

export function actOnIncoming(id: string, body: IncomingAction): Promise<IncomingView> {
  return unwrap(
    api.POST('/api/documents/incoming/{id}/actions', { params: { path: { id } }, body }),
  );
}

export function registerPaper(body: PaperBody): Promise<IncomingView> {
  return unwrap(api.POST('/api/documents/incoming', { body }));
}

export function fileUrl(fileId: string): string {
  return `/api/documents/files/${encodeURIComponent(fileId)}`;
}

/** Uploads one PDF (POST /api/files?kind=document); it stays unattached until a draft names it. */
export async function uploadPdf(file: File): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/files?kind=document', {
      method: 'POST',
      headers: { [CSRF_HEADER]: CSRF_VALUE, Accept: 'application/json' },
      body: form,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, parsed);
  return parsed as Uploaded;
}

/**
 * Lists of reports, filtered, sorted and paged in SQL: the public list (no hidden reports,
 * nothing personal) and the staff inbox (the agencies in the officer's reach, or reports
 * escalated to them). Text search ignores diacritics and case ("duong ngap" finds
 * "Đường ngập").
 */
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback-db';
import type { ReportStatus } from './feedback.tables';
import { OPEN_STATUSES } from './feedback.tables';

export type ReportSort =
  'submittedAt' | '-submittedAt' | 'deadlineAt' | '-deadlineAt' | '-updatedAt';

export interface ReportFilters {
  categoryCode?: string;
  status?: readonly ReportStatus[];
  communeCode?: string;
  agencyId?: string;
  from?: Date;
  to?: Date;
  /** On the last change (updated_at): from, included, and before, excluded. */
  updatedFrom?: Date;
  updatedBefore?: Date;
  q?: string;
  /** Open and past the deadline. */
  overdue?: boolean;
  escalated?: boolean;
  assigneeId?: string;
}

export interface ListRequest {
  filters: ReportFilters;
  sort: ReportSort;
  page: number;
  pageSize: number;
}

export interface ReportListItem {
  trackingCode: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  status: ReportStatus;
  agencyId: string;
  agencyName: string;
  communeCode: string;
  communeName: string;
  lat: number;
  lon: number;
  address: string;
  description: string;
  submittedAt: Date;
  updatedAt: Date;
  deadlineAt: Date;
  answeredAt: Date | null;
  escalationLevel: number;
  assigneeId: string | null;
  hidden: boolean;
  mediaCount: number;
}

const baseQuery = (db: FeedbackDb) => db.selectFrom('feedbackReport as r');
type ReportQuery = ReturnType<typeof baseQuery>;

/** The scope of a list: public, or the agencies a staff member reaches. */
export type ListScope = { kind: 'public' } | { kind: 'agencies'; agencyIds: readonly string[] };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function applyFilters(
  query: ReportQuery,
  filters: ReportFilters,
  scope: ListScope,
  now: Date,
): ReportQuery {
  let q = query;
  if (scope.kind === 'public') {
    q = q.where('r.hidden', '=', false);
  } else {
    const ids =
      scope.agencyIds.length > 0 ? [...scope.agencyIds] : ['00000000-0000-0000-0000-000000000000'];
    q = q.where((eb) => eb.or([eb('r.agencyId', 'in', ids), eb('r.escalatedAgencyId', 'in', ids)]));
  }
  if (filters.categoryCode) q = q.where('r.categoryCode', '=', filters.categoryCode);
  if (filters.status && filters.status.length > 0)
    q = q.where('r.status', 'in', [...filters.status]);
  if (filters.communeCode) q = q.where('r.communeCode', '=', filters.communeCode);
  if (filters.agencyId) {
    const agencyId = filters.agencyId;
    q = q.where((eb) =>
      eb.or([eb('r.agencyId', '=', agencyId), eb('r.escalatedAgencyId', '=', agencyId)]),
    );
  }
  if (filters.from) q = q.where('r.submittedAt', '>=', filters.from);
  if (filters.to) q = q.where('r.submittedAt', '<', filters.to);
  if (filters.updatedFrom) q = q.where('r.updatedAt', '>=', filters.updatedFrom);
  if (filters.updatedBefore) q = q.where('r.updatedAt', '<', filters.updatedBefore);
  if (filters.assigneeId) q = q.where('r.assigneeId', '=', filters.assigneeId);
  if (filters.escalated) q = q.where('r.escalationLevel', '>', 0);
  if (filters.overdue) {
    q = q.where('r.status', 'in', [...OPEN_STATUSES]).where('r.deadlineAt', '<', now);
  }
  const text = filters.q?.trim();
  if (text) {
    const pattern = `%${escapeLike(text.toLowerCase())}%`;
    q = q.where(sql<boolean>`r.search_text LIKE lower(immutable_unaccent(${pattern}))`);
  }
  return q;
}

function applySort(query: ReportQuery, sort: ReportSort): ReportQuery {
  switch (sort) {
    case 'submittedAt':
      return query.orderBy('r.submittedAt', 'asc').orderBy('r.id');
    case '-submittedAt':
      return query.orderBy('r.submittedAt', 'desc').orderBy('r.id');
    case 'deadlineAt':
      return query.orderBy('r.deadlineAt', 'asc').orderBy('r.id');
    case '-deadlineAt':
      return query.orderBy('r.deadlineAt', 'desc').orderBy('r.id');
    case '-updatedAt':
      return query.orderBy('r.updatedAt', 'desc').orderBy('r.id');
  }
}

export function listQuery(db: FeedbackDb, filters: ReportFilters, scope: ListScope, now: Date) {
  return applyFilters(baseQuery(db), filters, scope, now);
}

export function selectListItems(query: ReportQuery) {
  return query
    .innerJoin('feedbackCategory as c', 'c.code', 'r.categoryCode')
    .innerJoin('agency as a', 'a.id', 'r.agencyId')
    .innerJoin('adminCommune as m', 'm.code', 'r.communeCode')
    .select([
      'r.trackingCode',
      'r.categoryCode',
      'c.name as categoryName',
      'c.nameEn as categoryNameEn',
      'r.status',
      'r.agencyId',
      'a.name as agencyName',
      'r.communeCode',
      'm.fullName as communeName',
      'r.lat',
      'r.lon',
      'r.address',
      sql<string>`coalesce(r.public_description, r.description)`.as('description'),
      'r.submittedAt',
      'r.updatedAt',
      'r.deadlineAt',
      'r.answeredAt',
      'r.escalationLevel',
      'r.assigneeId',
      'r.hidden',
      sql<number>`(SELECT count(*)::int FROM feedback_media fm WHERE fm.report_id = r.id AND fm.kind = 'report' AND NOT fm.hidden)`.as(
        'mediaCount',
      ),
    ]);
}

export async function listReports(
  db: FeedbackDb,
  request: ListRequest,
  scope: ListScope,
  now: Date,
): Promise<{ items: ReportListItem[]; total: number }> {
  const filtered = listQuery(db, request.filters, scope, now);
  const [items, count] = await Promise.all([
    applySort(selectListItems(filtered) as unknown as ReportQuery, request.sort)
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize)
      .execute() as unknown as Promise<ReportListItem[]>,
    filtered.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

/** Every matching row, in order, for exports (the caller streams them out in pages). */
export async function* iterateReports(
  db: FeedbackDb,
  filters: ReportFilters,
  scope: ListScope,
  sort: ReportSort,
  now: Date,
  batch = 1000,
): AsyncGenerator<ReportListItem> {
  for (let offset = 0; ; offset += batch) {
    const rows = (await applySort(
      selectListItems(listQuery(db, filters, scope, now)) as unknown as ReportQuery,
      sort,
    )
      .limit(batch)
      .offset(offset)
      .execute()) as unknown as ReportListItem[];
    yield* rows;
    if (rows.length < batch) return;
  }
}

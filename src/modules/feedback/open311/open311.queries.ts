/**
 * SQL behind the Open311 endpoints: public reports as service requests, their public history
 * as notes and as FixMyStreet updates, and the Open311 token of a report. Every query reads
 * only the report row, its public history, its visible photos and the names around them —
 * never feedback_reporter — so no answer can carry a reporter's name or contact.
 */
import { sql } from 'kysely';
import type { FeedbackDb } from '../feedback-db';
import type { ReportStatus } from '../feedback.tables';
import { listQuery, type ReportFilters } from '../report-list.queries';

/** What a service request is made of, before the names of the reader's language are chosen. */
export interface RequestRow {
  id: string;
  trackingCode: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  status: ReportStatus;
  description: string;
  publicDescription: string | null;
  address: string;
  lat: number;
  lon: number;
  submittedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  deadlineAt: Date;
  agencyName: string;
  agencyNameEn: string | null;
  /** The first photo the public may see (media_url), or null. */
  firstPhotoId: string | null;
  /** The latest public message of the agency (status_notes), or null. */
  statusNotes: string | null;
}

export interface RequestQuery {
  filters: ReportFilters;
  trackingCodes?: readonly string[];
  /** service_code, comma separated: any of these categories. */
  categoryCodes?: readonly string[];
  limit: number;
  offset: number;
}

/** Public (not hidden) reports, newest first. */
export async function findRequests(
  db: FeedbackDb,
  query: RequestQuery,
  now: Date,
): Promise<RequestRow[]> {
  let q = listQuery(db, query.filters, { kind: 'public' }, now);
  if (query.trackingCodes) q = q.where('r.trackingCode', 'in', [...query.trackingCodes]);
  if (query.categoryCodes) q = q.where('r.categoryCode', 'in', [...query.categoryCodes]);
  return q
    .innerJoin('feedbackCategory as c', 'c.code', 'r.categoryCode')
    .innerJoin('agency as a', 'a.id', 'r.agencyId')
    .select([
      'r.id',
      'r.trackingCode',
      'r.categoryCode',
      'c.name as categoryName',
      'c.nameEn as categoryNameEn',
      'r.status',
      'r.description',
      'r.publicDescription',
      'r.address',
      'r.lat',
      'r.lon',
      'r.submittedAt',
      'r.updatedAt',
      'r.closedAt',
      'r.deadlineAt',
      'a.name as agencyName',
      'a.nameEn as agencyNameEn',
      // In the same statement rather than a query of its own: one index probe per row.
      sql<string | null>`(
        SELECT m.id FROM feedback_media m
        WHERE m.report_id = r.id AND m.kind = 'report' AND NOT m.hidden
        ORDER BY m.position LIMIT 1
      )`.as('firstPhotoId'),
      // Likewise the latest public message (status_notes): one probe of the report's
      // history per row, where a second query for the whole page's history cost every
      // request a round trip and a timestamp to parse per event.
      sql<string | null>`(
        SELECT h.message FROM feedback_history h
        WHERE h.report_id = r.id AND h.visibility = 'public' AND h.message ~ '\\S'
        ORDER BY h.at DESC, h.id DESC LIMIT 1
      )`.as('statusNotes'),
    ])
    .orderBy('r.submittedAt', 'desc')
    .orderBy('r.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export interface PublicHistoryRow {
  id: number;
  reportId: string;
  at: Date;
  action: string;
  message: string;
}

/** The public history of the reports, oldest first. */
export async function publicHistoryOf(
  db: FeedbackDb,
  reportIds: readonly string[],
): Promise<PublicHistoryRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('feedbackHistory')
    .select(['id', 'reportId', 'at', 'action', 'message'])
    .where('reportId', 'in', [...reportIds])
    .where('visibility', '=', 'public')
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export interface UpdateRow {
  historyId: number;
  trackingCode: string;
  at: Date;
  action: string;
  message: string;
  statusAfter: ReportStatus;
}

export interface UpdateQuery {
  from?: Date;
  before?: Date;
  trackingCode?: string;
  limit: number;
  offset: number;
}

/** Public history rows of public reports, oldest first, with the status each one left. */
export async function findUpdates(db: FeedbackDb, query: UpdateQuery): Promise<UpdateRow[]> {
  let q = db
    .selectFrom('feedbackHistory as h')
    .innerJoin('feedbackReport as r', 'r.id', 'h.reportId')
    .where('h.visibility', '=', 'public')
    .where('r.hidden', '=', false);
  if (query.from) q = q.where('h.at', '>=', query.from);
  if (query.before) q = q.where('h.at', '<', query.before);
  if (query.trackingCode) q = q.where('r.trackingCode', '=', query.trackingCode);
  return q
    .select([
      'h.id as historyId',
      'r.trackingCode',
      'h.at',
      'h.action',
      'h.message',
      // The status the report had once this happened: the last status change up to this row.
      sql<ReportStatus>`coalesce(
        (SELECT p.to_status FROM feedback_history p
          WHERE p.report_id = h.report_id AND p.id <= h.id AND p.to_status IS NOT NULL
          ORDER BY p.id DESC LIMIT 1),
        'new')`.as('statusAfter'),
    ])
    .orderBy('h.at')
    .orderBy('h.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

/** The tracking code of the public report filed with this Open311 token. */
export async function trackingCodeOfToken(
  db: FeedbackDb,
  token: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('feedbackReport')
    .select('trackingCode')
    .where('open311Token', '=', token)
    .where('hidden', '=', false)
    .executeTakeFirst();
  return row?.trackingCode;
}

/** The newest history row of a report (the update a POST servicerequestupdates made). */
export async function latestHistoryId(db: FeedbackDb, reportId: string): Promise<number> {
  const row = await db
    .selectFrom('feedbackHistory')
    .select('id')
    .where('reportId', '=', reportId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** When the list of services last changed: the discovery changeset. */
export async function servicesChangedAt(db: FeedbackDb): Promise<Date | null> {
  const row = await db
    .selectFrom('feedbackCategory')
    .select(sql<Date | null>`max(updated_at)`.as('at'))
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

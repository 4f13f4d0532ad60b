/**
 * What each audience sees of a report. The public view is built only from the report row
 * and its public history: the reporter's name and contact live in another table that this
 * file never reads, so no public answer can carry them. The reporter additionally sees their
 * own text as written and what moderation hid; staff see everything (report-workflow.ts).
 */
import type { FeedbackDb } from './feedback-db';
import type { HistoryRow, ReportRow } from './report.queries';
import { reportHistory } from './report.queries';
import type { Rating, ReportStatus } from './feedback.tables';
import { OPEN_STATUSES } from './feedback.tables';

export interface MediaView {
  id: string;
  mediaType: string;
  url: string;
  hidden?: boolean;
}

export interface HistoryView {
  at: Date;
  action: string;
  status: ReportStatus | null;
  message: string;
  agencyName: string | null;
  media: MediaView[];
}

export interface PublicReportView {
  trackingCode: string;
  category: { code: string; name: string; nameEn: string };
  status: ReportStatus;
  agency: { id: string; name: string; nameEn: string | null };
  commune: { code: string; name: string };
  lat: number;
  lon: number;
  address: string;
  description: string;
  attributes: Record<string, unknown>;
  submittedAt: Date;
  updatedAt: Date;
  deadlineAt: Date;
  answeredAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  duplicateOf: string | null;
  rating: Rating | null;
  media: MediaView[];
  history: HistoryView[];
}

export interface ReporterReportView extends PublicReportView {
  hidden: boolean;
  originalDescription: string;
  ratingComment: string | null;
  canRate: boolean;
}

export function mediaUrl(id: string): string {
  return `/api/feedback/media/${id}`;
}

export function isOverdue(
  report: Pick<ReportRow, 'status' | 'deadlineAt' | 'answeredAt'>,
  now: Date,
): boolean {
  if (report.answeredAt) return report.answeredAt > report.deadlineAt;
  return OPEN_STATUSES.includes(report.status) && now > report.deadlineAt;
}

async function names(db: FeedbackDb, report: ReportRow) {
  return db
    .selectFrom('feedbackCategory as c')
    .innerJoin('agency as a', (join) => join.on('a.id', '=', report.agencyId))
    .innerJoin('adminCommune as m', (join) => join.on('m.code', '=', report.communeCode))
    .leftJoin('feedbackReport as d', (join) => join.on('d.id', '=', report.duplicateOfId))
    .select([
      'c.name as categoryName',
      'c.nameEn as categoryNameEn',
      'a.name as agencyName',
      'a.nameEn as agencyNameEn',
      'm.fullName as communeName',
      'd.trackingCode as duplicateOf',
    ])
    .where('c.code', '=', report.categoryCode)
    .executeTakeFirstOrThrow();
}

async function mediaOf(db: FeedbackDb, reportId: string, includeHidden: boolean) {
  let query = db
    .selectFrom('feedbackMedia')
    .select(['id', 'mediaType', 'kind', 'historyId', 'hidden'])
    .where('reportId', '=', reportId);
  if (!includeHidden) query = query.where('hidden', '=', false);
  return query.orderBy('kind').orderBy('position').execute();
}

async function historyViews(
  db: FeedbackDb,
  history: HistoryRow[],
  media: Awaited<ReturnType<typeof mediaOf>>,
): Promise<HistoryView[]> {
  const agencyIds = [
    ...new Set(history.map((row) => row.toAgencyId).filter((id): id is string => !!id)),
  ];
  const agencies =
    agencyIds.length > 0
      ? await db.selectFrom('agency').select(['id', 'name']).where('id', 'in', agencyIds).execute()
      : [];
  const agencyName = new Map(agencies.map((agency) => [agency.id, agency.name]));
  return history.map((row) => ({
    at: row.at,
    action: row.action,
    status: row.toStatus,
    message: row.message,
    agencyName: row.toAgencyId ? (agencyName.get(row.toAgencyId) ?? null) : null,
    media: media
      .filter((item) => item.kind === 'answer' && item.historyId === row.id)
      .map((item) => ({ id: item.id, mediaType: item.mediaType, url: mediaUrl(item.id) })),
  }));
}

export async function publicReportView(
  db: FeedbackDb,
  report: ReportRow,
  now: Date,
): Promise<PublicReportView> {
  const [named, media, history] = await Promise.all([
    names(db, report),
    mediaOf(db, report.id, false),
    reportHistory(db, report.id, true),
  ]);
  return {
    trackingCode: report.trackingCode,
    category: { code: report.categoryCode, name: named.categoryName, nameEn: named.categoryNameEn },
    status: report.status,
    agency: { id: report.agencyId, name: named.agencyName, nameEn: named.agencyNameEn },
    commune: { code: report.communeCode, name: named.communeName },
    lat: report.lat,
    lon: report.lon,
    address: report.address,
    description: report.publicDescription ?? report.description,
    attributes: report.attributes,
    submittedAt: report.submittedAt,
    updatedAt: report.updatedAt,
    deadlineAt: report.deadlineAt,
    answeredAt: report.answeredAt,
    closedAt: report.closedAt,
    overdue: isOverdue(report, now),
    duplicateOf: named.duplicateOf,
    rating: report.rating,
    media: media
      .filter((item) => item.kind === 'report')
      .map((item) => ({ id: item.id, mediaType: item.mediaType, url: mediaUrl(item.id) })),
    history: await historyViews(db, history, media),
  };
}

export async function reporterReportView(
  db: FeedbackDb,
  report: ReportRow,
  now: Date,
  canRate: boolean,
): Promise<ReporterReportView> {
  const base = await publicReportView(db, report, now);
  const media = await mediaOf(db, report.id, true);
  return {
    ...base,
    media: media
      .filter((item) => item.kind === 'report')
      .map((item) => ({
        id: item.id,
        mediaType: item.mediaType,
        url: mediaUrl(item.id),
        hidden: item.hidden,
      })),
    hidden: report.hidden,
    originalDescription: report.description,
    ratingComment: report.ratingComment,
    canRate,
  };
}

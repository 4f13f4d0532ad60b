/**
 * The staff side of reports: the inbox of the agencies in an officer's reach (and reports
 * escalated to them), one report with everything staff see, and the reporter's contact,
 * whose every read is audited (Decree 13/2023/NĐ-CP).
 */
import type { AppContext } from '../../kernel/context';
import { PERMISSIONS, permissionScope, type Principal } from '../../kernel/auth';
import { recordPersonalDataRead } from '../../kernel/audit';
import { feedbackDb } from './feedback-db';
import { OPEN_STATUSES } from './feedback.tables';
import type { InboxQuery } from './feedback.schemas';
import { filtersOf } from './report-filters';
import { listReports, type ListRequest, type ReportListItem } from './report-list.queries';
import { findReporter, reportHistory, type ReportRow } from './report.queries';
import { isOverdue, mediaUrl, publicReportView } from './report-views';
import { findReportForStaff } from './report-workflow';

/** A report is "due soon" when less than this share of its allowed time is left. */
const DUE_SOON_SHARE = 0.2;

export function isDueSoon(
  report: Pick<ReportRow, 'status' | 'submittedAt' | 'deadlineAt'>,
  now: Date,
): boolean {
  if (!OPEN_STATUSES.includes(report.status)) return false;
  const total = report.deadlineAt.getTime() - report.submittedAt.getTime();
  const left = report.deadlineAt.getTime() - now.getTime();
  return left > 0 && left < total * DUE_SOON_SHARE;
}

export async function inboxScope(ctx: AppContext, principal: Principal) {
  const scope = await permissionScope(ctx, principal, PERMISSIONS.recordsRead);
  return { kind: 'agencies' as const, agencyIds: scope.agencyIds };
}

export async function listInbox(ctx: AppContext, principal: Principal, query: InboxQuery) {
  const now = ctx.clock.now();
  const request: ListRequest = {
    filters: filtersOf(query),
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  };
  const { items, total } = await listReports(
    feedbackDb(ctx),
    request,
    await inboxScope(ctx, principal),
    now,
  );
  return {
    items: items.map((item: ReportListItem) => ({
      ...item,
      overdue: isOverdue(item, now),
      dueSoon: isDueSoon(item, now),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function staffReportView(ctx: AppContext, principal: Principal, trackingCode: string) {
  return staffViewOf(ctx, await findReportForStaff(ctx, principal, trackingCode));
}

/**
 * Everything staff see of a report, without checking reach: for callers that already did
 * (including the answer to an action that moved the report out of the officer's reach).
 */
export async function staffViewOf(ctx: AppContext, report: ReportRow) {
  const db = feedbackDb(ctx);
  const now = ctx.clock.now();
  const [base, media, history, category, escalated] = await Promise.all([
    publicReportView(db, report, now),
    db
      .selectFrom('feedbackMedia')
      .select(['id', 'mediaType', 'hidden'])
      .where('reportId', '=', report.id)
      .where('kind', '=', 'report')
      .orderBy('position')
      .execute(),
    reportHistory(db, report.id, false),
    db
      .selectFrom('feedbackCategory')
      .select('answerTemplates')
      .where('code', '=', report.categoryCode)
      .executeTakeFirstOrThrow(),
    report.escalatedAgencyId
      ? db
          .selectFrom('agency')
          .select(['id', 'name'])
          .where('id', '=', report.escalatedAgencyId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const actorIds = [
    ...new Set(
      history.filter((row) => row.actorType === 'user' && row.actorId).map((row) => row.actorId!),
    ),
  ];
  const agencyIds = [
    ...new Set(history.map((row) => row.toAgencyId).filter((id): id is string => !!id)),
  ];
  const [actors, agencies] = await Promise.all([
    actorIds.length > 0
      ? db
          .selectFrom('appUser')
          .select(['id', 'fullName', 'type'])
          .where('id', 'in', actorIds)
          .execute()
      : Promise.resolve([]),
    agencyIds.length > 0
      ? db.selectFrom('agency').select(['id', 'name']).where('id', 'in', agencyIds).execute()
      : Promise.resolve([]),
  ]);
  // Staff names are shown to colleagues; a citizen who filed while signed in stays "reporter".
  const staffName = new Map(
    actors.filter((a) => a.type === 'staff').map((a) => [a.id, a.fullName]),
  );
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  return {
    ...base,
    hidden: report.hidden,
    originalDescription: report.description,
    publicDescription: report.publicDescription,
    assigneeId: report.assigneeId,
    escalationLevel: report.escalationLevel,
    escalatedAgency: escalated ?? null,
    anonymous: report.anonymous,
    source: report.source,
    reopenCount: report.reopenCount,
    ratingComment: report.ratingComment,
    dueSoon: isDueSoon(report, now),
    allMedia: media.map((item) => ({ ...item, url: mediaUrl(item.id) })),
    fullHistory: history.map((row) => ({
      at: row.at,
      action: row.action,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      visibility: row.visibility,
      message: row.message,
      actorType: row.actorType,
      actorName: row.actorId ? (staffName.get(row.actorId) ?? null) : null,
      agencyName: row.toAgencyId ? (agencyName.get(row.toAgencyId) ?? null) : null,
    })),
    answerTemplates: category.answerTemplates,
  };
}

/** The reporter's name and contact, for an officer who needs to call back; audited. */
export async function reporterContact(
  ctx: AppContext,
  principal: Principal,
  trackingCode: string,
  request: { ip: string | null; requestId: string | null },
) {
  const report = await findReportForStaff(ctx, principal, trackingCode);
  const reporter = await findReporter(feedbackDb(ctx), report.id);
  const fields = ['name', 'email', 'phone'].filter(
    (field) => reporter?.[field as 'name' | 'email' | 'phone'] !== null && reporter !== undefined,
  );
  await recordPersonalDataRead(ctx.db, {
    actorType: principal.kind === 'api_key' ? 'api_key' : 'user',
    actorId: principal.id,
    recordType: 'feedback_report',
    recordId: report.id,
    fields,
    ip: request.ip,
    requestId: request.requestId,
    purpose: 'feedback.contact_reporter',
  });
  return {
    anonymous: report.anonymous,
    name: reporter?.name ?? null,
    email: reporter?.email ?? null,
    phone: reporter?.phone ?? null,
    hasAccount: reporter?.userId != null,
  };
}

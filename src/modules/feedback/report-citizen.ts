/**
 * What citizens do with a filed report: look it up by its tracking code, rate the answer
 * ("not satisfied" within 7 days reopens it), follow it, and find open reports nearby
 * before filing a duplicate. The reporter proves authorship with the secret handed out at
 * submission, or by being signed in as the account that filed it.
 */
import type { AppContext } from '../../kernel/context';
import type { Principal } from '../../kernel/auth';
import { normaliseEmail } from '../../kernel/auth';
import { isAuthorized, PERMISSIONS } from '../../kernel/auth';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { httpErrors } from '../../kernel/errors/common.errors';
import type { Locale } from '../../kernel/notify/templates';
import { feedbackDb } from './feedback-db';
import { feedbackErrors } from './feedback.errors';
import type { Rating } from './feedback.tables';
import {
  addFollower,
  findReportByCode,
  lockReportByCode,
  nearbyOpenReports,
  type NearbyReport,
  type ReportRow,
} from './report.queries';
import { applyChange, type Actor } from './report-change';
import { isReporter, type ReporterClaim } from './reporter-proof';
import { deadlineFrom } from './category-deadline';
import {
  publicReportView,
  reporterReportView,
  type PublicReportView,
  type ReporterReportView,
} from './report-views';
import { normaliseTrackingCode } from './tracking-code';

export const REOPEN_WINDOW_MS = 7 * 24 * 3600_000;
export const NEARBY_RADIUS_M = 250;

export interface Claimant extends ReporterClaim {
  ip: string | null;
  requestId: string | null;
}

function codeOrNotFound(input: string): string {
  const code = normaliseTrackingCode(input);
  if (!code) throw feedbackErrors.REPORT_NOT_FOUND();
  return code;
}

function canRate(report: ReportRow): boolean {
  if (report.status !== 'resolved' && report.status !== 'rejected') return false;
  return report.ratedAt === null || (report.closedAt !== null && report.ratedAt < report.closedAt);
}

/**
 * The report as its reader may see it: the reporter's view for the reporter, the public view
 * for anyone else. A hidden report is "not found" to the public but not to staff in scope.
 */
export async function viewReport(
  ctx: AppContext,
  trackingCode: string,
  claimant: Claimant,
): Promise<PublicReportView | ReporterReportView> {
  const db = feedbackDb(ctx);
  const report = await findReportByCode(db, codeOrNotFound(trackingCode));
  if (!report) throw feedbackErrors.REPORT_NOT_FOUND();
  const now = ctx.clock.now();
  if (await isReporter(db, report.id, claimant)) {
    return reporterReportView(db, report, now, canRate(report));
  }
  if (report.hidden) {
    const staff =
      claimant.principal?.type === 'staff' &&
      (await isAuthorized(ctx, claimant.principal, PERMISSIONS.recordsRead, report.agencyId));
    if (!staff) throw feedbackErrors.REPORT_NOT_FOUND();
  }
  return publicReportView(db, report, now);
}

export interface RatingInput {
  rating: Rating;
  comment?: string;
}

export interface RatingResult {
  reopened: boolean;
  report: ReporterReportView;
}

export async function rateReport(
  ctx: AppContext,
  trackingCode: string,
  claimant: Claimant,
  input: RatingInput,
): Promise<RatingResult> {
  const db = feedbackDb(ctx);
  const code = codeOrNotFound(trackingCode);
  const now = ctx.clock.now();
  const actor: Actor = {
    type: claimant.principal?.kind === 'user' ? 'user' : 'reporter',
    id: claimant.principal?.kind === 'user' ? claimant.principal.id : null,
    ip: claimant.ip,
    requestId: claimant.requestId,
  };
  // Loaded before the transaction (it reads through the pool, not the transaction).
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  const reopened = await db.transaction().execute(async (trx) => {
    const report = await lockReportByCode(trx, code);
    if (!report) throw feedbackErrors.REPORT_NOT_FOUND();
    if (!(await isReporter(trx, report.id, claimant))) throw feedbackErrors.REPORT_SECRET_INVALID();
    if (!canRate(report)) throw feedbackErrors.REPORT_NOT_RATEABLE({ status: report.status });
    const comment = input.comment?.trim() || null;
    await applyChange(ctx, trx, report, {
      action: 'rated',
      actor,
      visibility: 'internal',
      message: comment ?? '',
      details: { rating: input.rating },
      fields: { rating: input.rating, ratingComment: comment, ratedAt: now },
    });
    const withinWindow =
      report.closedAt !== null && now.getTime() - report.closedAt.getTime() <= REOPEN_WINDOW_MS;
    // A rejected report is not reopened by a rating: the reason was given; file anew.
    if (input.rating !== 'not_satisfied' || !withinWindow || report.status !== 'resolved')
      return false;
    // The category's allowance runs again from the reopening, even if it was since retired.
    const category = await trx
      .selectFrom('feedbackCategory')
      .select(['deadlineAmount', 'deadlineUnit'])
      .where('code', '=', report.categoryCode)
      .executeTakeFirstOrThrow();
    const deadlineAt = deadlineFrom(calendar, category, now);
    const rated = { ...report, rating: input.rating, ratingComment: comment, ratedAt: now };
    await applyChange(ctx, trx, rated, {
      action: 'reopened',
      actor,
      toStatus: 'in_progress',
      visibility: 'public',
      // The citizen's comment stays with the internal rating line: it is their free text,
      // which may name them or give a phone number, and a public line cannot be redacted.
      fields: { closedAt: null, deadlineAt, reopenCount: report.reopenCount + 1 },
    });
    return true;
  });
  const report = await findReportByCode(db, code);
  return { reopened, report: await reporterReportView(db, report!, now, canRate(report!)) };
}

/** Follows a report: by account when signed in, else by the e-mail given. */
export async function followReport(
  ctx: AppContext,
  trackingCode: string,
  principal: Principal | null,
  input: { email?: string; locale?: Locale },
): Promise<void> {
  const db = feedbackDb(ctx);
  const report = await findReportByCode(db, codeOrNotFound(trackingCode));
  if (!report || report.hidden) throw feedbackErrors.REPORT_NOT_FOUND();
  const userId = principal?.kind === 'user' ? principal.id : null;
  const email = input.email?.trim() ? normaliseEmail(input.email) : null;
  if (!userId && !email) {
    throw httpErrors.VALIDATION_FAILED([
      { field: 'email', message: 'an e-mail address is required' },
    ]);
  }
  // A duplicate is followed through its original, where the answer will come.
  const target = report.duplicateOfId ?? report.id;
  await addFollower(db, target, {
    userId,
    email: userId ? null : email,
    locale: input.locale ?? 'vi',
  });
}

export async function nearbyReports(
  ctx: AppContext,
  query: { categoryCode: string; lat: number; lon: number },
): Promise<NearbyReport[]> {
  return nearbyOpenReports(
    feedbackDb(ctx),
    query.categoryCode,
    query.lat,
    query.lon,
    NEARBY_RADIUS_M,
    10,
  );
}

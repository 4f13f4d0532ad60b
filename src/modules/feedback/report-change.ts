/**
 * The one way a report changes. Every change — a status transition, an answer, a transfer,
 * an escalation, a moderation step — goes through `applyChange` in the caller's
 * transaction, which updates the row, appends the history line, writes the audit line,
 * publishes `feedback.report_changed` for webhooks and the operations center, and, for
 * changes the public sees, queues an e-mail to every follower. So no path can forget one.
 */
import { publish } from '../../kernel/events';
import { recordAudit, type AuditActorType } from '../../kernel/audit';
import { queueNotification } from '../../kernel/notify/notify.service';
import type { Locale } from '../../kernel/notify/templates';
import type { AppContext } from '../../kernel/context';
import type { FeedbackDb } from './feedback-db';
import type {
  HistoryAction,
  HistoryActorType,
  HistoryVisibility,
  ReportStatus,
} from './feedback.tables';
import {
  followersToNotify,
  insertHistory,
  updateReport,
  type ReportChanges,
  type ReportRow,
} from './report.queries';
import { reportChangedTemplate } from './feedback.templates';
import { STATUS_LABELS } from './status-labels';

export const REPORT_CHANGED_EVENT = 'feedback.report_changed';

/** Who made a change, as the history and the audit log record it. */
export interface Actor {
  type: HistoryActorType;
  /** User id, API key id, or null for the system and anonymous reporters. */
  id: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface ReportChange {
  /** The history action; audited as `feedback.<action>`. */
  action: HistoryAction;
  actor: Actor;
  toStatus?: ReportStatus;
  toAgencyId?: string;
  visibility: HistoryVisibility;
  /** The public answer, the reason, or the internal note. */
  message?: string;
  details?: Record<string, unknown>;
  /** Other columns the change sets. */
  fields?: ReportChanges;
}

export interface ReportChangedPayload {
  reportId: string;
  trackingCode: string;
  action: string;
  status: ReportStatus;
  previousStatus: ReportStatus;
  agencyId: string;
  categoryCode: string;
  communeCode: string;
  at: string;
  /** The public message of the change, when there is one; never personal data. */
  message: string | null;
}

const AUDIT_ACTOR: Readonly<Record<HistoryActorType, AuditActorType>> = {
  user: 'user',
  api_key: 'api_key',
  system: 'system',
  reporter: 'anonymous',
  anonymous: 'anonymous',
};

export async function applyChange(
  ctx: AppContext,
  trx: FeedbackDb,
  report: ReportRow,
  change: ReportChange,
): Promise<number> {
  const at = ctx.clock.now();
  const status = change.toStatus ?? report.status;
  const agencyId = change.toAgencyId ?? report.agencyId;
  await updateReport(trx, report.id, {
    ...change.fields,
    status,
    agencyId,
    updatedAt: at,
  });
  const historyId = await insertHistory(trx, {
    reportId: report.id,
    at,
    actorType: change.actor.type,
    actorId: change.actor.id,
    action: change.action,
    fromStatus: change.toStatus ? report.status : null,
    toStatus: change.toStatus ?? null,
    fromAgencyId: change.toAgencyId ? report.agencyId : null,
    toAgencyId: change.toAgencyId ?? null,
    visibility: change.visibility,
    message: change.message ?? '',
    details: JSON.stringify(change.details ?? {}),
  });
  await recordAudit(trx, {
    actorType: AUDIT_ACTOR[change.actor.type],
    actorId: change.actor.type === 'reporter' ? null : change.actor.id,
    action: `feedback.${change.action}`,
    recordType: 'feedback_report',
    recordId: report.id,
    ip: change.actor.ip,
    requestId: change.actor.requestId,
    details: {
      trackingCode: report.trackingCode,
      ...(change.toStatus ? { from: report.status, to: change.toStatus } : {}),
      ...(change.toAgencyId ? { fromAgency: report.agencyId, toAgency: change.toAgencyId } : {}),
      ...change.details,
    },
  });

  const isPublic = change.visibility === 'public';
  const payload: ReportChangedPayload = {
    reportId: report.id,
    trackingCode: report.trackingCode,
    action: change.action,
    status,
    previousStatus: report.status,
    agencyId,
    categoryCode: report.categoryCode,
    communeCode: report.communeCode,
    at: at.toISOString(),
    message: isPublic && change.message ? change.message : null,
  };
  await publish(trx, { type: REPORT_CHANGED_EVENT, aggregateId: report.id, payload });

  if (isPublic && change.action !== 'submitted') {
    await notifyFollowers(ctx, trx, report, status, change.message ?? '');
  }
  return historyId;
}

/** The page where anyone follows a report (its tracking code is public). */
export function trackingUrl(ctx: AppContext, trackingCode: string): string {
  return `${ctx.config.publicUrl}/phan-anh/${encodeURIComponent(trackingCode)}`;
}

async function notifyFollowers(
  ctx: AppContext,
  trx: FeedbackDb,
  report: ReportRow,
  status: ReportStatus,
  message: string,
): Promise<void> {
  const followers = await followersToNotify(trx, report.id);
  if (followers.length === 0) return;
  const category = await trx
    .selectFrom('feedbackCategory')
    .select(['name', 'nameEn'])
    .where('code', '=', report.categoryCode)
    .executeTakeFirstOrThrow();
  for (const follower of followers) {
    const locale: Locale = follower.locale === 'en' ? 'en' : 'vi';
    await queueNotification(trx, {
      channel: 'email',
      to: follower.email,
      template: reportChangedTemplate,
      locale,
      variables: {
        trackingCode: report.trackingCode,
        category: locale === 'en' ? category.nameEn : category.name,
        status: STATUS_LABELS[status][locale],
        message,
        url: trackingUrl(ctx, report.trackingCode),
      },
    });
  }
}

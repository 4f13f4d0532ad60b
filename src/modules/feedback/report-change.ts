/**
 * The one way a report changes. Every change — a status transition, an answer, a transfer,
 * an escalation, a moderation step — goes through `applyChange` in the caller's
 * transaction, which updates the row, appends the history line, writes the audit line,
 * publishes `feedback.report_changed` for webhooks and the operations center, and, for
 * changes the public sees, queues an e-mail to every follower. So no path can forget one.
 */
import type { CompiledQuery } from 'kysely';
import { publish, publishInBatch, type NewOutboxEvent } from '../../kernel/events';
import { jsonbWith } from '../../kernel/db/jsonb-with';
import { rowInsert } from '../../kernel/db/row-insert';
import { auditInsert, recordAudit, type AuditActorType, type AuditEntry } from '../../kernel/audit';
import type { StatementBatch } from '../../kernel/db/statement-batch';
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
  type NewHistory,
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

/** The facts of a report a change needs: its row, or the row about to be inserted. */
export type ChangedReport = Pick<
  ReportRow,
  'id' | 'trackingCode' | 'status' | 'agencyId' | 'categoryCode' | 'communeCode'
>;

/** The rows one change writes, besides the e-mails to followers. */
interface ChangeRows {
  reportChanges: ReportChanges;
  history: NewHistory;
  audit: AuditEntry;
  event: NewOutboxEvent;
}

/** What a change writes, worked out once for both writers below. */
function describeChange(report: ChangedReport, change: ReportChange, at: Date): ChangeRows {
  const status = change.toStatus ?? report.status;
  const agencyId = change.toAgencyId ?? report.agencyId;
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
  return {
    reportChanges: { ...change.fields, status, agencyId, updatedAt: at },
    history: {
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
    },
    audit: {
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
    },
    event: { type: REPORT_CHANGED_EVENT, aggregateId: report.id, payload },
  };
}

export async function applyChange(
  ctx: AppContext,
  trx: FeedbackDb,
  report: ReportRow,
  change: ReportChange,
): Promise<number> {
  const rows = describeChange(report, change, ctx.clock.now());
  await updateReport(trx, report.id, rows.reportChanges);
  const historyId = await insertHistory(trx, rows.history);
  await recordAudit(trx, rows.audit);
  await publish(trx, rows.event);
  if (change.visibility === 'public' && change.action !== 'submitted') {
    const status = rows.reportChanges.status ?? report.status;
    await notifyFollowers(ctx, trx, report, status, change.message ?? '');
  }
  return historyId;
}

/**
 * The first line of a report's life — its history, audit line and event — added to the
 * one-statement batch that inserts the report itself (report-submission.ts). The report row
 * is inserted as it stands after the change, so there is nothing to update, and nobody
 * follows a report before it exists, so nobody is notified. The report's agency and commune
 * are SQL computed by that statement; of these rows only the event names them (a filing
 * moves the report to no other agency, so the history and audit lines have no agency).
 */
export function recordSubmissionIn(
  batch: StatementBatch,
  db: FeedbackDb,
  report: Omit<ChangedReport, 'agencyId' | 'communeCode'> & {
    agencyId: CompiledQuery;
    communeCode: CompiledQuery;
  },
  change: ReportChange & { action: 'submitted'; toAgencyId?: never },
  at: Date,
): void {
  const rows = describeChange({ ...report, agencyId: '', communeCode: '' }, change, at);
  const {
    agencyId: _agency,
    communeCode: _commune,
    ...known
  } = rows.event.payload as ReportChangedPayload;
  batch.add(rowInsert(db, 'feedbackHistory', rows.history));
  batch.add(auditInsert(rows.audit));
  publishInBatch(batch, {
    ...rows.event,
    payload: jsonbWith(known, { agencyId: report.agencyId, communeCode: report.communeCode }),
  });
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

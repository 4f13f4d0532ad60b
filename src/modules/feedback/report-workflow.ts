/**
 * What staff do with a report in their inbox: receive, assign, start, answer, note,
 * resolve, reject, transfer to another agency, mark as a duplicate, and moderate (hide the
 * report or a photo, redact its public text). Each action checks the state machine and the
 * officer's reach (the agency responsible, an agency above it, or the agency it escalated
 * to), then goes through `applyChange`, so it is audited and shown in the history.
 *
 *   new ──receive──► received ──start──► in_progress ──resolve──► resolved
 *    │                  │                    │                     │ (not satisfied ≤ 7 days)
 *    └──────────────────┴────────────────────┴──► rejected         └──► in_progress
 *                       transfer: any open state → new at another agency
 *                       duplicate: any open state → duplicate of another report
 */
import type { AppContext } from '../../kernel/context';
import { authorizeRecord, isAuthorized, PERMISSIONS, type Principal } from '../../kernel/auth';
import { attachFile } from '../../kernel/storage/storage.service';
import { feedbackDb, type FeedbackDb } from './feedback-db';
import { feedbackErrors } from './feedback.errors';
import { OPEN_STATUSES, type ReportStatus } from './feedback.tables';
import {
  lockReportByCode,
  moveFollowers,
  findReportByCode,
  type ReportRow,
} from './report.queries';
import { applyChange, type Actor, type ReportChange } from './report-change';
import type { MediaUpload } from './report-submission';
import { normaliseTrackingCode } from './tracking-code';
import { assigneesOf } from './inbox-assignees.queries';

export interface StaffActor {
  principal: Principal;
  ip: string | null;
  requestId: string | null;
}

export type WorkflowAction =
  | { action: 'receive' }
  | { action: 'start' }
  | { action: 'assign'; assigneeId: string | null }
  | { action: 'answer'; message: string; media?: MediaUpload[] }
  | { action: 'note'; message: string }
  | { action: 'resolve'; message: string; media?: MediaUpload[] }
  | { action: 'reject'; reason: string }
  | { action: 'transfer'; agencyId: string; reason: string }
  | { action: 'duplicate'; originalTrackingCode: string }
  | { action: 'hide'; reason: string }
  | { action: 'unhide' }
  | { action: 'redact'; publicDescription: string }
  | { action: 'hideMedia'; mediaId: string; hidden: boolean };

/** Statuses each status-changing action may start from. */
const ALLOWED_FROM: Partial<Record<WorkflowAction['action'], readonly ReportStatus[]>> = {
  receive: ['new'],
  start: ['new', 'received'],
  assign: OPEN_STATUSES,
  answer: OPEN_STATUSES,
  resolve: OPEN_STATUSES,
  reject: OPEN_STATUSES,
  transfer: OPEN_STATUSES,
  duplicate: OPEN_STATUSES,
};

/** Whether the principal may handle the report: at its agency, above it, or where it escalated. */
export async function authorizeStaff(
  ctx: AppContext,
  principal: Principal,
  permission: string,
  report: ReportRow,
): Promise<void> {
  if (
    report.escalatedAgencyId &&
    (await isAuthorized(ctx, principal, permission, report.escalatedAgencyId))
  ) {
    return;
  }
  await authorizeRecord(ctx, principal, permission, report.agencyId);
}

export async function findReportForStaff(
  ctx: AppContext,
  principal: Principal,
  trackingCode: string,
): Promise<ReportRow> {
  const code = normaliseTrackingCode(trackingCode);
  const report = code ? await findReportByCode(feedbackDb(ctx), code) : undefined;
  if (!report) throw feedbackErrors.REPORT_NOT_FOUND();
  await authorizeStaff(ctx, principal, PERMISSIONS.recordsRead, report);
  return report;
}

async function attachAnswerMedia(
  trx: FeedbackDb,
  report: ReportRow,
  historyId: number,
  media: readonly MediaUpload[],
  uploadedBy: string,
): Promise<void> {
  for (const [position, file] of media.entries()) {
    await attachFile(trx, {
      fileId: file.fileId,
      uploadedBy,
      ownerType: 'feedback_report',
      ownerId: report.id,
      agencyId: report.agencyId,
    });
    await trx
      .insertInto('feedbackMedia')
      .values({
        reportId: report.id,
        fileId: file.fileId,
        kind: 'answer',
        mediaType: file.mediaType,
        historyId,
        position,
      })
      .execute();
  }
}

/**
 * A report goes only to someone the assign list offers (inbox-assignees.queries.ts): active
 * staff of the responsible agency or below it who may process reports there.
 */
async function assigneeAllowed(
  trx: FeedbackDb,
  report: ReportRow,
  userId: string,
): Promise<boolean> {
  const assignees = await assigneesOf(trx, report.agencyId, PERMISSIONS.recordsProcess);
  return assignees.some((assignee) => assignee.id === userId);
}

async function changeFor(
  ctx: AppContext,
  trx: FeedbackDb,
  report: ReportRow,
  input: WorkflowAction,
  actor: Actor,
): Promise<ReportChange> {
  const now = ctx.clock.now();
  switch (input.action) {
    case 'receive':
      return {
        action: 'received',
        actor,
        toStatus: 'received',
        visibility: 'public',
        fields: { receivedAt: now },
      };
    case 'start':
      return {
        action: 'started',
        actor,
        toStatus: 'in_progress',
        visibility: 'public',
        fields: { receivedAt: report.receivedAt ?? now },
      };
    case 'assign': {
      if (input.assigneeId && !(await assigneeAllowed(trx, report, input.assigneeId))) {
        throw feedbackErrors.REPORT_ASSIGNEE_INVALID();
      }
      return {
        action: 'assigned',
        actor,
        visibility: 'internal',
        details: { assigneeId: input.assigneeId },
        fields: { assigneeId: input.assigneeId },
      };
    }
    case 'answer':
      return {
        action: 'answered',
        actor,
        visibility: 'public',
        message: input.message,
        fields: { answeredAt: report.answeredAt ?? now },
      };
    case 'note':
      return { action: 'noted', actor, visibility: 'internal', message: input.message };
    case 'resolve':
      return {
        action: 'resolved',
        actor,
        toStatus: 'resolved',
        visibility: 'public',
        message: input.message,
        fields: {
          answeredAt: report.answeredAt ?? now,
          closedAt: now,
          receivedAt: report.receivedAt ?? now,
        },
      };
    case 'reject':
      return {
        action: 'rejected',
        actor,
        toStatus: 'rejected',
        visibility: 'public',
        message: input.reason,
        fields: { answeredAt: report.answeredAt ?? now, closedAt: now },
      };
    case 'transfer': {
      const target = await trx
        .selectFrom('agency')
        .select(['id', 'active'])
        .where('id', '=', input.agencyId)
        .executeTakeFirst();
      if (!target || !target.active || target.id === report.agencyId) {
        throw feedbackErrors.REPORT_TRANSFER_TARGET_INVALID();
      }
      return {
        action: 'transferred',
        actor,
        toStatus: 'new',
        toAgencyId: target.id,
        visibility: 'public',
        message: input.reason,
        fields: { assigneeId: null, receivedAt: null, escalatedAgencyId: null, escalationLevel: 0 },
      };
    }
    case 'duplicate': {
      const code = normaliseTrackingCode(input.originalTrackingCode);
      const original = code ? await lockReportByCode(trx, code) : undefined;
      if (
        !original ||
        original.id === report.id ||
        ['rejected', 'duplicate'].includes(original.status)
      ) {
        throw feedbackErrors.REPORT_DUPLICATE_TARGET_INVALID();
      }
      await moveFollowers(trx, report.id, original.id);
      return {
        action: 'duplicate',
        actor,
        toStatus: 'duplicate',
        visibility: 'public',
        message: original.trackingCode,
        details: { originalTrackingCode: original.trackingCode },
        fields: { duplicateOfId: original.id, closedAt: now },
      };
    }
    case 'hide':
      return {
        action: 'hidden',
        actor,
        visibility: 'internal',
        message: input.reason,
        fields: { hidden: true },
      };
    case 'unhide':
      return { action: 'unhidden', actor, visibility: 'internal', fields: { hidden: false } };
    case 'redact':
      return {
        action: 'redacted',
        actor,
        visibility: 'internal',
        fields: { publicDescription: input.publicDescription.trim() || null },
      };
    case 'hideMedia': {
      const updated = await trx
        .updateTable('feedbackMedia')
        .set({ hidden: input.hidden })
        .where('id', '=', input.mediaId)
        .where('reportId', '=', report.id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw feedbackErrors.MEDIA_NOT_FOUND();
      return {
        action: input.hidden ? 'media_hidden' : 'media_shown',
        actor,
        visibility: 'internal',
        details: { mediaId: input.mediaId },
      };
    }
  }
}

/** Applies one staff action to the report and returns the report as it now is. */
export async function actOnReport(
  ctx: AppContext,
  staff: StaffActor,
  trackingCode: string,
  input: WorkflowAction,
): Promise<ReportRow> {
  const db = feedbackDb(ctx);
  const code = normaliseTrackingCode(trackingCode);
  if (!code) throw feedbackErrors.REPORT_NOT_FOUND();
  const actor: Actor = {
    type: staff.principal.kind === 'api_key' ? 'api_key' : 'user',
    id: staff.principal.id,
    ip: staff.ip,
    requestId: staff.requestId,
  };
  // Authorised before the transaction: the check reads the agency tree through the pool,
  // which on the embedded database is the very connection the transaction would hold.
  const current = await findReportByCode(db, code);
  if (!current) throw feedbackErrors.REPORT_NOT_FOUND();
  await authorizeStaff(ctx, staff.principal, PERMISSIONS.recordsProcess, current);
  return db.transaction().execute(async (trx) => {
    const report = await lockReportByCode(trx, code);
    if (!report) throw feedbackErrors.REPORT_NOT_FOUND();
    if (
      report.agencyId !== current.agencyId ||
      report.escalatedAgencyId !== current.escalatedAgencyId
    ) {
      // Transferred or escalated in the meantime: the check above no longer holds.
      throw feedbackErrors.REPORT_TRANSITION_INVALID({ action: input.action, reason: 'moved' });
    }
    const allowed = ALLOWED_FROM[input.action];
    if (allowed && !allowed.includes(report.status)) {
      throw feedbackErrors.REPORT_TRANSITION_INVALID({
        action: input.action,
        status: report.status,
      });
    }
    const change = await changeFor(ctx, trx, report, input, actor);
    const historyId = await applyChange(ctx, trx, report, change);
    const media = 'media' in input ? (input.media ?? []) : [];
    if (media.length > 0)
      await attachAnswerMedia(trx, report, historyId, media, staff.principal.id);
    const updated = await trx
      .selectFrom('feedbackReport')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    return updated;
  });
}

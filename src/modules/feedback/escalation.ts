/**
 * Escalation of overdue reports (job `feedback.escalate_overdue`): an open report whose
 * answer deadline has passed is raised once to the agency above its own (agency.parent_id),
 * so the committee that oversees the agency sees it in its inbox. The report stays with its
 * agency, which still answers it; a report already at a root agency has no one above it and
 * is left as it is. Each escalation goes through `applyChange`, so it is in the public
 * history, the audit log, the outbox and the followers' mail.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../kernel/context';
import type { PeriodicJob } from '../../kernel/manifest';
import { feedbackDb, type FeedbackDb } from './feedback-db';
import { OPEN_STATUSES } from './feedback.tables';
import { applyChange, type Actor } from './report-change';
import type { ReportRow } from './report.queries';

export const ESCALATION_JOB = 'feedback.escalate_overdue';
/** Reports escalated per transaction: short enough that row locks are held briefly. */
export const ESCALATION_BATCH = 200;
/** Batches per run; anything left waits for the next run a minute later. */
const MAX_BATCHES_PER_RUN = 10;

const SYSTEM: Actor = { type: 'system', id: null, ip: null, requestId: null };

type Candidate = ReportRow & { parentId: string; parentName: string };

/**
 * Locks the next overdue, not yet escalated reports whose agency has a parent. SKIP LOCKED
 * lets an officer's action on one of them (or a second scheduler) proceed without waiting.
 */
async function lockOverdue(trx: FeedbackDb, now: Date, limit: number): Promise<Candidate[]> {
  return trx
    .selectFrom('feedbackReport as r')
    .innerJoin('agency as a', 'a.id', 'r.agencyId')
    .innerJoin('agency as p', 'p.id', 'a.parentId')
    .selectAll('r')
    .select(['p.id as parentId', 'p.name as parentName'])
    .where('r.status', 'in', [...OPEN_STATUSES])
    .where('r.deadlineAt', '<', now)
    .where('r.escalationLevel', '=', 0)
    .orderBy('r.deadlineAt')
    .limit(limit)
    .modifyEnd(sql`FOR UPDATE OF r SKIP LOCKED`)
    .execute();
}

/** Escalates one batch in one transaction; returns how many reports it escalated. */
export async function escalateOverdueBatch(
  ctx: AppContext,
  limit = ESCALATION_BATCH,
): Promise<number> {
  return feedbackDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const now = ctx.clock.now();
      const reports = await lockOverdue(trx, now, limit);
      for (const { parentId, parentName, ...report } of reports) {
        await applyChange(ctx, trx, report, {
          action: 'escalated',
          actor: SYSTEM,
          visibility: 'public',
          message:
            `Quá hạn trả lời; phản ánh được báo cáo lên ${parentName} để đôn đốc. ` +
            `Overdue: reported to ${parentName} for follow-up.`,
          details: { escalatedAgencyId: parentId, deadlineAt: report.deadlineAt.toISOString() },
          fields: { escalationLevel: 1, escalatedAgencyId: parentId, escalatedAt: now },
        });
      }
      return reports.length;
    });
}

/** Escalates every overdue report it can within a bounded number of batches. */
export async function escalateOverdueReports(ctx: AppContext): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
    const escalated = await escalateOverdueBatch(ctx);
    total += escalated;
    if (escalated < ESCALATION_BATCH) break;
  }
  if (total > 0) ctx.log.info({ escalated: total }, 'overdue reports escalated');
  return total;
}

export const escalationJob: PeriodicJob = {
  name: ESCALATION_JOB,
  everySeconds: 60,
  run: async (ctx) => {
    await escalateOverdueReports(ctx);
  },
};

/**
 * Moving a dossier along its process: the holder of a review step forwards it with an
 * opinion, the leader of an approval step approves it (both hand it to the next step), and
 * any holder may send it back to an earlier step with the reason (trả lại bước trước). Each
 * pass through a step is its own row, so the timeline shows a step taken twice.
 */
import type { AppContext } from '../../../kernel/context';
import { loadWorkingCalendar } from '../../../kernel/calendar';
import { writeDossierHistory, type DossierActor } from '../submission';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { dossierForStepHolder, expectStatus } from './dossier-for-action';
import { finishStep, startStep, stepDue } from './step-plan';
import { noticeToApplicant } from './applicant-notice';

export interface MoveResult {
  code: string;
  status: 'processing';
  step: { no: number; name: string; dueAt: Date };
}

/**
 * `forward` hands on a review step's work, `approve` is the approval step's decision: two
 * acts with their own names in the history, each refused at the other's step.
 */
export async function forwardDossier(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  act: 'forward' | 'approve',
  note: string | undefined,
): Promise<MoveResult> {
  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const { dossier, step } = await dossierForStepHolder(
        trx,
        actor.principal,
        code,
        act === 'approve' ? ['approval'] : ['review'],
        act,
      );
      expectStatus(dossier, ['received', 'processing'], act);
      const now = ctx.clock.now();
      const nextNo = step.stepNo + 1;
      const next = dossier.steps[nextNo];
      if (!next) throw dossierErrors.DOSSIER_WRONG_STEP({ step: step.kind, action: act });
      const dueAt = stepDue(calendar, dossier.steps, nextNo, dossier.receivedAt!, dossier.dueAt!);
      await finishStep(trx, step.id, 'done', now, actor.principal.id);
      const agencyId = await startStep(trx, {
        dossierId: dossier.id,
        steps: dossier.steps,
        stepNo: nextNo,
        receivingAgencyId: dossier.receivingAgencyId,
        at: now,
        dueAt,
      });
      await trx
        .updateTable('dossier')
        .set({ status: 'processing', updatedAt: now })
        .where('id', '=', dossier.id)
        .execute();
      const approved = step.kind === 'approval';
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: approved ? 'approved' : 'forwarded',
        status: 'processing',
        agencyId: step.agencyId,
        note: note ?? null,
        details: { from: step.stepId, to: next.id, toAgencyId: agencyId },
      });
      await noticeToApplicant(
        ctx,
        trx,
        dossier,
        'processing',
        `${approved ? 'Hồ sơ đã được phê duyệt' : 'Hồ sơ đã được thẩm tra'}; bước tiếp theo: ${next.name.vi}.`,
      );
      return {
        code: dossier.code,
        status: 'processing' as const,
        step: { no: nextNo, name: next.name.vi, dueAt },
      };
    });
}

export async function sendBackDossier(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  input: { note: string; toStep?: number },
): Promise<MoveResult> {
  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const { dossier, step } = await dossierForStepHolder(
        trx,
        actor.principal,
        code,
        ['review', 'approval', 'signing'],
        'send_back',
      );
      expectStatus(dossier, ['received', 'processing'], 'send_back');
      // Reception is never reopened: a dossier the desk should not have received is refused
      // or completed through a request for documents.
      const target = input.toStep ?? step.stepNo - 1;
      if (!Number.isInteger(target) || target < 1 || target >= step.stepNo) {
        throw dossierErrors.NO_EARLIER_STEP({ toStep: target, from: step.stepNo });
      }
      const now = ctx.clock.now();
      const planned = stepDue(calendar, dossier.steps, target, dossier.receivedAt!, dossier.dueAt!);
      await finishStep(trx, step.id, 'returned', now, actor.principal.id);
      await startStep(trx, {
        dossierId: dossier.id,
        steps: dossier.steps,
        stepNo: target,
        receivingAgencyId: dossier.receivingAgencyId,
        at: now,
        dueAt: planned,
      });
      const back = dossier.steps[target]!;
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: 'sent_back',
        status: 'processing',
        agencyId: step.agencyId,
        note: input.note,
        details: { from: step.stepId, to: back.id },
      });
      return {
        code: dossier.code,
        status: 'processing' as const,
        step: { no: target, name: back.name.vi, dueAt: planned },
      };
    });
}

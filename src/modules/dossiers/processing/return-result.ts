/**
 * Returning the result (trả kết quả): at the desk or by post, recorded by the desk officer
 * who holds the return step; or electronically, done as soon as the signed result exists
 * (the applicant downloads it). A result is handed over only when the fees are paid.
 */
import type { AppContext } from '../../../kernel/context';
import { writeDossierHistory, type DossierActor } from '../submission';
import { dossiersDb, type DossiersTrx } from '../dossiers-db';
import { feesOutstanding } from '../payments';
import { dossierErrors } from '../dossiers.errors';
import type { ReturnMethod } from '../dossiers.tables';
import {
  dossierForStepHolder,
  expectStatus,
  type ActiveStep,
  type DossierForAction,
} from './dossier-for-action';
import { finishStep } from './step-plan';
import { noticeToApplicant } from './applicant-notice';

const HOW: Record<ReturnMethod, string> = {
  electronic: 'Kết quả điện tử đã sẵn sàng để tải về trên trang hồ sơ.',
  desk: 'Kết quả đã được trả tại bộ phận một cửa.',
  post: 'Kết quả đã được gửi qua dịch vụ bưu chính công ích.',
};

export async function returnResult(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  method: ReturnMethod | undefined,
): Promise<{ code: string; status: 'returned'; returnedAt: Date }> {
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const { dossier, step } = await dossierForStepHolder(
        trx,
        actor.principal,
        code,
        ['return'],
        'return',
      );
      expectStatus(dossier, ['resolved'], 'return');
      return completeReturn(ctx, trx, actor, dossier, step, method ?? dossier.returnMethod);
    });
}

/** The return step done and the dossier returned, in the caller's transaction. */
export async function completeReturn(
  ctx: AppContext,
  trx: DossiersTrx,
  actor: DossierActor,
  dossier: DossierForAction,
  step: ActiveStep,
  method: ReturnMethod,
): Promise<{ code: string; status: 'returned'; returnedAt: Date }> {
  const unpaid = await feesOutstanding(trx, dossier.id);
  if (unpaid > 0) throw dossierErrors.FEES_OUTSTANDING({ unpaid });
  const now = ctx.clock.now();
  await finishStep(trx, step.id, 'done', now, actor.principal.id);
  await trx
    .updateTable('dossier')
    .set({
      status: 'returned',
      returnMethod: method,
      returnedAt: now,
      currentStep: null,
      updatedAt: now,
    })
    .where('id', '=', dossier.id)
    .execute();
  await writeDossierHistory(trx, actor, now, {
    dossierId: dossier.id,
    action: 'returned',
    status: 'returned',
    agencyId: step.agencyId,
    details: { method },
  });
  await noticeToApplicant(
    ctx,
    trx,
    dossier,
    'returned',
    `${HOW[method]}\nXin mời đánh giá mức độ hài lòng của bạn trên trang hồ sơ.`,
  );
  return { code: dossier.code, status: 'returned' as const, returnedAt: now };
}

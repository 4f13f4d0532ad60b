/**
 * Refusal (từ chối): at the desk, of a dossier that cannot be received (not the agency's, not
 * eligible), or by the holder of a review or approval step, of one found not to qualify. The
 * reason is required: it is printed on the refusal slip (Circular 01/2018/TT-VPCP, form 03)
 * and sent to the applicant. The dossier is finished.
 */
import type { AppContext } from '../../../kernel/context';
import type { DossierActor } from '../submission';
import { writeDossierHistory } from '../submission';
import { dossiersDb } from '../dossiers-db';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import {
  expectStatus,
  lockDossier,
  PERMISSION_OF_ROLE,
  type DossierForAction,
} from './dossier-for-action';
import { assertDossierAccess } from './dossier-scope';
import { finishStep } from './step-plan';
import { noticeToApplicant } from './applicant-notice';
import { dossierErrors } from '../dossiers.errors';

export async function refuseDossier(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  reason: string,
): Promise<{ code: string; status: 'refused'; finishedAt: Date }> {
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await lockDossier(trx, code);
      assertRefuser(actor, dossier);
      const now = ctx.clock.now();
      if (dossier.active) await finishStep(trx, dossier.active.id, 'done', now, actor.principal.id);
      await trx
        .updateTable('dossier')
        .set({
          status: 'refused',
          refusalReason: reason,
          finishedAt: now,
          currentStep: null,
          updatedAt: now,
        })
        .where('id', '=', dossier.id)
        .execute();
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: 'refused',
        status: 'refused',
        agencyId: dossier.active?.agencyId ?? dossier.receivingAgencyId,
        note: reason,
      });
      await noticeToApplicant(ctx, trx, dossier, 'refused', `Lý do: ${reason}`);
      return { code: dossier.code, status: 'refused' as const, finishedAt: now };
    });
}

/** The desk before reception; after it, the holder of a review or approval step. */
function assertRefuser(actor: DossierActor, dossier: DossierForAction): void {
  assertDossierAccess(actor.principal, DOSSIER_PERMISSIONS.read, dossier.agencies);
  if (dossier.status === 'submitted') {
    assertDossierAccess(
      actor.principal,
      DOSSIER_PERMISSIONS.receive,
      dossier.agencies,
      dossier.receivingAgencyId,
    );
    return;
  }
  expectStatus(dossier, ['received', 'processing'], 'refuse');
  const step = dossier.active;
  if (!step || !['review', 'approval'].includes(step.kind)) {
    throw dossierErrors.DOSSIER_WRONG_STEP({ step: step?.kind ?? null, action: 'refuse' });
  }
  assertDossierAccess(
    actor.principal,
    PERMISSION_OF_ROLE[step.role],
    dossier.agencies,
    step.agencyId,
  );
}

/**
 * The desk receives a dossier (tiếp nhận): from that instant the procedure's processing
 * time for the dossier's channel runs on the working calendar, giving the appointment
 * (ngày hẹn trả) and each step's due date; the reception step is done and the next step's
 * holder has the dossier. The applicant is told the appointment.
 */
import type { AppContext } from '../../../kernel/context';
import { loadWorkingCalendar, type WorkingCalendar } from '../../../kernel/calendar';
import type { DossierActor } from '../submission';
import { writeDossierHistory } from '../submission';
import { dossiersDb, type DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import type { ReturnMethod } from '../dossiers.tables';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { appointmentFor } from '../deadlines';
import { expectStatus, lockDossier, type DossierForAction } from './dossier-for-action';
import { assertDossierAccess } from './dossier-scope';
import { startStep, stepDue } from './step-plan';
import { noticeToApplicant } from './applicant-notice';
import { deskTime } from './vietnam-time';

export interface ReceiveInput {
  returnMethod?: ReturnMethod;
  note?: string;
}

export async function receiveDossier(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  input: ReceiveInput,
): Promise<{ code: string; receivedAt: Date; dueAt: Date }> {
  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await lockDossier(trx, code);
      assertDossierAccess(
        actor.principal,
        DOSSIER_PERMISSIONS.receive,
        dossier.agencies,
        dossier.receivingAgencyId,
      );
      expectStatus(dossier, ['submitted'], 'receive');
      return startProcessing(ctx, trx, calendar, actor, dossier, input);
    });
}

/**
 * Reception done at `now` (an online dossier accepted, or a paper dossier registered at the
 * desk): appointment, steps, status, history, notice. In the caller's transaction.
 */
export async function startProcessing(
  ctx: AppContext,
  trx: DossiersTrx,
  calendar: WorkingCalendar,
  actor: DossierActor,
  dossier: DossierForAction,
  input: ReceiveInput,
): Promise<{ code: string; receivedAt: Date; dueAt: Date }> {
  const now = ctx.clock.now();
  const tthc = await trx
    .selectFrom('procedure')
    .select('tthc')
    .where('id', '=', dossier.procedureId)
    .executeTakeFirstOrThrow();
  const time = tthc.tthc.CachThucThucHien.find((way) => way.Kenh === dossier.channel);
  if (!time) throw dossierErrors.PROCEDURE_NOT_ONLINE();
  const dueAt = appointmentFor(calendar, now, {
    amount: time.ThoiGianGiaiQuyet,
    unit: time.DonViTinh,
  });
  const steps = dossier.steps;
  const due = (stepNo: number) => stepDue(calendar, steps, stepNo, now, dueAt);
  // The reception step is the desk's act itself: done as it starts.
  await trx
    .insertInto('dossierStep')
    .values({
      dossierId: dossier.id,
      stepNo: 0,
      stepId: steps[0]!.id,
      kind: steps[0]!.kind,
      role: steps[0]!.role,
      name: steps[0]!.name.vi,
      agencyId: dossier.receivingAgencyId,
      status: 'done',
      startedAt: now,
      dueAt: due(0),
      finishedAt: now,
      finishedBy: actor.principal.id,
    })
    .execute();
  await trx
    .updateTable('dossier')
    .set({
      status: 'received',
      receivedAt: now,
      dueAt,
      ...(input.returnMethod ? { returnMethod: input.returnMethod } : {}),
      updatedAt: now,
    })
    .where('id', '=', dossier.id)
    .execute();
  if (steps.length > 1) {
    await startStep(trx, {
      dossierId: dossier.id,
      steps,
      stepNo: 1,
      receivingAgencyId: dossier.receivingAgencyId,
      at: now,
      dueAt: due(1),
    });
  }
  await writeDossierHistory(trx, actor, now, {
    dossierId: dossier.id,
    action: 'received',
    status: 'received',
    agencyId: dossier.receivingAgencyId,
    note: input.note ?? null,
    details: { dueAt: dueAt.toISOString() },
  });
  await noticeToApplicant(
    ctx,
    trx,
    dossier,
    'received',
    `Hẹn trả kết quả: ${deskTime(dueAt, ctx.config.timezone)}.`,
  );
  return { code: dossier.code, receivedAt: now, dueAt };
}

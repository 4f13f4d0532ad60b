/**
 * A late dossier's apology (Decree 61/2018/NĐ-CP, art. 19; Circular 01/2018/TT-VPCP form
 * 04): once the appointment has passed with the dossier unfinished, the agency that holds it
 * apologises in writing, says why, and gives a new appointment on a working day. The
 * dossier's legal appointment does not move (the index counts it late); the applicant is
 * shown the new one.
 */
import type { AppContext } from '../../../kernel/context';
import { loadWorkingCalendar } from '../../../kernel/calendar';
import { writeDossierHistory, type DossierActor } from '../submission';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { expectStatus, lockDossier, PERMISSION_OF_ROLE } from './dossier-for-action';
import { assertDossierAccess, holdsAt } from './dossier-scope';
import { noticeToApplicant } from './applicant-notice';
import { deskTime } from './vietnam-time';

export interface ApologyInput {
  reason: string;
  newDueAt: Date;
}

export async function issueApology(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  input: ApologyInput,
): Promise<{ id: string; code: string; previousDueAt: Date; newDueAt: Date; issuedAt: Date }> {
  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await lockDossier(trx, code);
      assertDossierAccess(actor.principal, DOSSIER_PERMISSIONS.read, dossier.agencies);
      // The holder of the step where it is late, or the desk that answers to the applicant.
      const step = dossier.active;
      const asHolder =
        step !== null && holdsAt(actor.principal, PERMISSION_OF_ROLE[step.role], step.agencyId);
      if (!asHolder) {
        assertDossierAccess(
          actor.principal,
          DOSSIER_PERMISSIONS.receive,
          dossier.agencies,
          dossier.receivingAgencyId,
        );
      }
      expectStatus(
        dossier,
        ['received', 'processing', 'supplement_requested', 'awaiting_payment'],
        'apologise',
      );
      const now = ctx.clock.now();
      if (!dossier.dueAt || dossier.dueAt.getTime() >= now.getTime()) {
        throw dossierErrors.DOSSIER_NOT_LATE({ dueAt: dossier.dueAt });
      }
      if (
        input.newDueAt.getTime() <= now.getTime() ||
        !calendar.isWorkingDay(calendar.localDate(input.newDueAt))
      ) {
        throw dossierErrors.APPOINTMENT_INVALID({ newDueAt: input.newDueAt });
      }
      const agencyId = step?.agencyId ?? dossier.receivingAgencyId;
      const row = await trx
        .insertInto('dossierApology')
        .values({
          dossierId: dossier.id,
          agencyId,
          issuedAt: now,
          previousDueAt: dossier.dueAt,
          newDueAt: input.newDueAt,
          reason: input.reason,
          issuedBy: actor.principal.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: 'apology_issued',
        status: dossier.status,
        agencyId,
        note: input.reason,
        details: { newDueAt: input.newDueAt.toISOString() },
      });
      await noticeToApplicant(
        ctx,
        trx,
        dossier,
        dossier.status,
        `Chúng tôi xin lỗi vì hồ sơ chưa có kết quả đúng hẹn. Lý do: ${input.reason}\nNgày hẹn trả mới: ${deskTime(input.newDueAt, ctx.config.timezone)}.`,
      );
      return {
        id: row.id,
        code: dossier.code,
        previousDueAt: dossier.dueAt,
        newDueAt: input.newDueAt,
        issuedAt: now,
      };
    });
}

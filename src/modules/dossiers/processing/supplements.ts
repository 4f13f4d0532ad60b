/**
 * Asking for more documents (yêu cầu bổ sung, hoàn thiện hồ sơ) and the applicant's answer.
 * The desk asks before reception; afterwards the holder of a review or approval step asks.
 * From the request to the supply the clock stops: the working time in between is added to
 * the appointment and to the active step's due date (deadlines/extendForPause), because that
 * time was the applicant's, not the agency's. The applicant answers online with the
 * documents asked for (and any others of the procedure's list).
 */
import type { AppContext } from '../../../kernel/context';
import { loadWorkingCalendar } from '../../../kernel/calendar';
import type { Principal, RequestInfo } from '../../../kernel/auth';
import {
  attachDocuments,
  checkDocuments,
  writeDossierHistory,
  type DossierActor,
  type GivenDocument,
} from '../submission';
import { dossiersDb, type DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import type { DossierStatus } from '../dossiers.tables';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { extendForPause } from '../deadlines';
import { expectStatus, lockDossier, PERMISSION_OF_ROLE } from './dossier-for-action';
import { assertDossierAccess } from './dossier-scope';
import { noticeToApplicant } from './applicant-notice';

export interface SupplementRequest {
  note: string;
  /** The procedure's document slots (MaGiayTo) asked for. */
  slots: string[];
}

async function listedSlots(trx: DossiersTrx, procedureId: string): Promise<string[]> {
  const row = await trx
    .selectFrom('procedure')
    .select('tthc')
    .where('id', '=', procedureId)
    .executeTakeFirstOrThrow();
  return row.tthc.ThanhPhanHoSo.flatMap((c) => c.GiayTo.map((document) => document.MaGiayTo));
}

export async function requestSupplement(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  request: SupplementRequest,
): Promise<{ code: string; status: 'supplement_requested'; requestedAt: Date }> {
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await lockDossier(trx, code);
      assertDossierAccess(actor.principal, DOSSIER_PERMISSIONS.read, dossier.agencies);
      let agencyId = dossier.receivingAgencyId;
      if (dossier.status === 'submitted') {
        assertDossierAccess(
          actor.principal,
          DOSSIER_PERMISSIONS.receive,
          dossier.agencies,
          dossier.receivingAgencyId,
        );
      } else {
        expectStatus(dossier, ['received', 'processing'], 'request_supplement');
        const step = dossier.active;
        if (!step || !['review', 'approval'].includes(step.kind)) {
          throw dossierErrors.DOSSIER_WRONG_STEP({
            step: step?.kind ?? null,
            action: 'request_supplement',
          });
        }
        assertDossierAccess(
          actor.principal,
          PERMISSION_OF_ROLE[step.role],
          dossier.agencies,
          step.agencyId,
        );
        agencyId = step.agencyId;
      }
      const listed = new Set(await listedSlots(trx, dossier.procedureId));
      const unknown = request.slots.filter((slot) => !listed.has(slot));
      if (unknown.length > 0) throw dossierErrors.SUPPLEMENT_INVALID({ slots: unknown });
      const now = ctx.clock.now();
      await trx
        .insertInto('dossierSupplement')
        .values({
          dossierId: dossier.id,
          requestedAt: now,
          requestedBy: actor.principal.id,
          agencyId,
          note: request.note,
          slots: [...new Set(request.slots)],
        })
        .execute();
      await trx
        .updateTable('dossier')
        .set({
          status: 'supplement_requested',
          pausedAt: now,
          pausedFromStatus: dossier.status,
          updatedAt: now,
        })
        .where('id', '=', dossier.id)
        .execute();
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: 'supplement_requested',
        status: 'supplement_requested',
        agencyId,
        note: request.note,
        details: { slots: request.slots },
      });
      await noticeToApplicant(
        ctx,
        trx,
        dossier,
        'supplement_requested',
        `Cần bổ sung: ${request.note}\nVui lòng bổ sung trực tuyến tại trang hồ sơ.`,
      );
      return { code: dossier.code, status: 'supplement_requested' as const, requestedAt: now };
    });
}

export interface SupplyInput {
  documents: GivenDocument[];
  note?: string;
}

/** The applicant supplies what was asked; the clock runs again, later by the pause. */
export async function supplyDocuments(
  ctx: AppContext,
  principal: Principal,
  request: RequestInfo,
  code: string,
  input: SupplyInput,
): Promise<{ code: string; status: DossierStatus; dueAt: Date | null }> {
  const actor: DossierActor = { principal, request };
  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await lockDossier(trx, code);
      // Only the applicant; anyone else is told there is no such dossier of theirs.
      if (dossier.applicantUserId !== principal.id) throw dossierErrors.DOSSIER_NOT_FOUND();
      expectStatus(dossier, ['supplement_requested'], 'supply');
      const open = await trx
        .selectFrom('dossierSupplement')
        .select(['id', 'slots'])
        .where('dossierId', '=', dossier.id)
        .where('suppliedAt', 'is', null)
        .orderBy('requestedAt', 'desc')
        .executeTakeFirstOrThrow();
      const problems = await checkDocuments(
        trx,
        principal,
        input.documents,
        await listedSlots(trx, dossier.procedureId),
        open.slots,
      );
      const empty = input.documents.length === 0 && !input.note?.trim();
      if (problems.length > 0 || empty) {
        throw dossierErrors.DOSSIER_INVALID({
          fields: empty ? [{ field: 'documents', code: 'required' }] : [],
          documents: problems,
        });
      }
      const now = ctx.clock.now();
      await attachDocuments(trx, principal, {
        dossierId: dossier.id,
        agencyId: dossier.receivingAgencyId,
        documents: input.documents,
        origin: 'upload',
        at: now,
      });
      await trx
        .updateTable('dossierSupplement')
        .set({ suppliedAt: now })
        .where('id', '=', open.id)
        .execute();
      let dueAt = dossier.dueAt;
      if (dueAt && dossier.pausedAt) {
        const pause = { start: dossier.pausedAt, end: now };
        dueAt = extendForPause(calendar, dueAt, pause);
        if (dossier.active) {
          await trx
            .updateTable('dossierStep')
            .set({ dueAt: extendForPause(calendar, dossier.active.dueAt, pause) })
            .where('id', '=', dossier.active.id)
            .execute();
        }
      }
      const status = dossier.pausedFromStatus ?? 'submitted';
      await trx
        .updateTable('dossier')
        .set({ status, dueAt, pausedAt: null, pausedFromStatus: null, updatedAt: now })
        .where('id', '=', dossier.id)
        .execute();
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: 'supplied',
        status,
        agencyId: dossier.active?.agencyId ?? dossier.receivingAgencyId,
        note: input.note?.trim() || null,
        details: {
          documents: input.documents.length,
          ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
        },
      });
      return { code: dossier.code, status, dueAt };
    });
}

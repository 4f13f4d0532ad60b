/**
 * The desk assesses a dossier's fees (xác định phí, lệ phí): it picks the entries of the
 * procedure's schedule for the dossier's channel that apply, with a quantity (copies,
 * pages), or none at all. The amounts are the schedule's, never typed by hand. A new
 * assessment replaces the lines not yet paid; once anything is paid, or while the applicant
 * is on the provider's page, it is refused, so no payment ever covers lines that changed
 * under it. An entry of 0 đồng (an exemption the law grants) is kept as waived: the
 * applicant sees that it was considered.
 */
import type { AppContext } from '../../../kernel/context';
import type { Principal, RequestInfo } from '../../../kernel/auth';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { agenciesOfDossier, assertDossierAccess } from '../processing';
import { writeDossierHistory } from '../submission';
import { assertOpenForFees, feesView, type FeesView } from './dossier-fees';
import { formatDong } from './money';
import { paymentErrors } from './payments.errors';
import type { AssessFeesBody } from './payments.schemas';
import { feeSchedule, findDossierForFees, openOnlinePayment } from './payments.queries';

export interface FeeLineProblem {
  line: number;
  index: number;
  problem: 'not_in_schedule' | 'duplicate';
}

export async function assessFees(
  ctx: AppContext,
  principal: Principal,
  request: RequestInfo,
  code: string,
  body: AssessFeesBody,
): Promise<FeesView> {
  const now = ctx.clock.now();
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await findDossierForFees(trx, code, { lock: true });
      if (!dossier) throw dossierErrors.DOSSIER_NOT_FOUND();
      assertDossierAccess(
        principal,
        DOSSIER_PERMISSIONS.receive,
        await agenciesOfDossier(trx, dossier),
        dossier.receivingAgencyId,
      );
      assertOpenForFees(dossier);

      const schedule = await feeSchedule(trx, dossier.procedureId, dossier.channel);
      const problems: FeeLineProblem[] = [];
      const seen = new Set<number>();
      body.lines.forEach(({ index }, line) => {
        if (index >= schedule.length) problems.push({ line, index, problem: 'not_in_schedule' });
        else if (seen.has(index)) problems.push({ line, index, problem: 'duplicate' });
        seen.add(index);
      });
      if (problems.length > 0) {
        throw paymentErrors.FEE_LINES_INVALID({ lines: problems, scheduleSize: schedule.length });
      }

      const paid = await trx
        .selectFrom('dossierFee')
        .select('id')
        .where('dossierId', '=', dossier.id)
        .where('status', '=', 'paid')
        .executeTakeFirst();
      if (paid) throw paymentErrors.FEES_ALREADY_PAID();
      const open = await openOnlinePayment(trx, dossier.id, now);
      if (open) throw paymentErrors.PAYMENT_IN_PROGRESS({ expiresAt: open.expiresAt });

      // Payments begun and left on the provider's page have expired: the provider takes
      // them no more.
      await trx
        .updateTable('dossierPayment')
        .set({ status: 'cancelled' })
        .where('dossierId', '=', dossier.id)
        .where('status', '=', 'pending')
        .execute();
      await trx
        .deleteFrom('dossierFee')
        .where('dossierId', '=', dossier.id)
        .where('status', 'in', ['due', 'waived'])
        .execute();
      const lines = body.lines.map(({ index, quantity = 1 }) => {
        const entry = schedule[index]!;
        const amount = entry.amount * quantity;
        return {
          dossierId: dossier.id,
          scheduleIndex: index,
          kind: entry.kind,
          description: entry.description,
          unitAmount: entry.amount,
          quantity,
          amount,
          status: amount === 0 ? ('waived' as const) : ('due' as const),
          assessedAt: now,
          assessedBy: principal.kind === 'user' ? principal.id : null,
        };
      });
      if (lines.length > 0) await trx.insertInto('dossierFee').values(lines).execute();

      const total = lines.reduce((sum, line) => sum + line.amount, 0);
      await writeDossierHistory(trx, { principal, request }, now, {
        dossierId: dossier.id,
        action: 'fees_assessed',
        agencyId: dossier.receivingAgencyId,
        note:
          total === 0
            ? 'Hồ sơ không phải nộp phí, lệ phí.'
            : `Phí, lệ phí phải nộp: ${formatDong(total)}.`,
        details: { lines: lines.length, total },
      });
      return feesView(trx, dossier);
    });
}

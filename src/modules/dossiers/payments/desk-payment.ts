/**
 * The desk takes the fees in cash or by card (thu phí trực tiếp): everything the dossier
 * owes, paid at once, with a receipt number, by an officer with dossiers.receive at the
 * agency that received the dossier. Refused while the applicant is on a provider's page, so
 * the same fees are not taken twice.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import type { Principal, RequestInfo } from '../../../kernel/auth';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { agenciesOfDossier, assertDossierAccess } from '../processing';
import { assertOpenForFees } from './dossier-fees';
import { paymentErrors } from './payments.errors';
import type { DeskPaymentBody } from './payments.schemas';
import { feesOutstanding, findDossierForFees, openOnlinePayment } from './payments.queries';
import { settlePayment } from './settle-payment';

export interface DeskPayment {
  paymentId: string;
  amount: number;
  receiptNumber: string;
  paidAt: Date;
}

export async function takeDeskPayment(
  ctx: AppContext,
  principal: Principal,
  request: RequestInfo,
  code: string,
  body: DeskPaymentBody,
): Promise<DeskPayment> {
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
      const amount = await feesOutstanding(trx, dossier.id);
      if (amount <= 0) throw paymentErrors.NOTHING_TO_PAY();
      const open = await openOnlinePayment(trx, dossier.id, now);
      if (open) throw paymentErrors.PAYMENT_IN_PROGRESS({ expiresAt: open.expiresAt });

      const payment = {
        id: randomUUID(),
        dossierId: dossier.id,
        agencyId: dossier.receivingAgencyId,
        provider: 'desk' as const,
        method: body.method,
        amount,
      };
      await trx
        .insertInto('dossierPayment')
        .values({
          ...payment,
          // Unique like a provider's reference, though nobody outside ever quotes it.
          txnRef: `DESK${randomBytes(10).toString('hex').toUpperCase()}`,
          status: 'pending',
          createdAt: now,
          takenBy: principal.kind === 'user' ? principal.id : null,
        })
        .execute();
      const settled = await settlePayment(ctx, trx, payment, { principal, request });
      return { paymentId: payment.id, amount, ...settled };
    });
}

/**
 * The applicant pays online: a pending payment for everything the dossier still owes, under
 * a fresh random reference, and the signed address of the provider's page. The browser goes
 * there; the payment becomes paid only when the provider's notification says so
 * (payment-notification.ts). The provider stops taking it after PAYMENT_WINDOW_MS; a new
 * attempt makes a new payment. A retry of the request with the same Idempotency-Key is
 * answered from the first (kernel/http/idempotency), so it never opens a second one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import type { Principal } from '../../../kernel/auth';
import { dossiersDb } from '../dossiers-db';
import { assertOpenForFees, ownDossier } from './dossier-fees';
import { paymentProviders } from './payment-provider';
import { paymentErrors } from './payments.errors';
import { feesOutstanding } from './payments.queries';

/** VNPay's own default for a payment page left open. */
export const PAYMENT_WINDOW_MS = 15 * 60 * 1000;

export interface StartedPayment {
  paymentId: string;
  amount: number;
  expiresAt: Date;
  redirectUrl: string;
}

export async function startOnlinePayment(
  ctx: AppContext,
  principal: Principal,
  client: { ip: string; english: boolean },
  code: string,
): Promise<StartedPayment> {
  const provider = paymentProviders(ctx.config).active;
  const now = ctx.clock.now();
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await ownDossier(trx, principal, code, { lock: true });
      assertOpenForFees(dossier);
      const amount = await feesOutstanding(trx, dossier.id);
      if (amount <= 0) throw paymentErrors.NOTHING_TO_PAY();
      if (!provider) throw paymentErrors.ONLINE_PAYMENT_UNAVAILABLE();

      const id = randomUUID();
      // Letters and digits only, as VNPay's vnp_TxnRef allows; 80 random bits, so a
      // reference says nothing about the dossier or its applicant.
      const txnRef = randomBytes(10).toString('hex').toUpperCase();
      const expiresAt = new Date(now.getTime() + PAYMENT_WINDOW_MS);
      await trx
        .insertInto('dossierPayment')
        .values({
          id,
          dossierId: dossier.id,
          provider: provider.name,
          method: 'online',
          agencyId: dossier.receivingAgencyId,
          txnRef,
          amount,
          status: 'pending',
          createdAt: now,
          expiresAt,
        })
        .execute();
      const redirectUrl = provider.paymentUrl({
        txnRef,
        amount,
        // VNPay asks for Vietnamese without diacritics and no special characters.
        orderInfo: `Nop phi le phi ho so ${dossier.code}`,
        ipAddr: client.ip,
        createdAt: now,
        expiresAt,
        locale: client.english ? 'en' : 'vn',
      });
      return { paymentId: id, amount, expiresAt, redirectUrl };
    });
}

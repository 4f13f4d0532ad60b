/**
 * A payment confirmed, in the caller's transaction (the dossier row already locked): the
 * payment paid with its receipt number, the dossier's due fee lines paid by it, and a line
 * of the dossier's history with its audit record. Online, this runs only on the provider's
 * verified notification; at the desk, when the officer records the money taken.
 *
 * The lines are those due now. They are the ones the payment was started for, since the
 * desk cannot reassess while a payment is open; but a provider may confirm a payment late
 * (after the applicant paid twice, or after the payment window), and money taken is money
 * taken: the payment is still recorded with its receipt, and the mismatch is logged for the
 * desk to settle, rather than lines being marked paid by an amount that does not cover them.
 */
import type { AppContext } from '../../../kernel/context';
import type { DossiersTrx } from '../dossiers-db';
import { writeDossierHistory, type DossierActor } from '../submission';
import { formatDong } from './money';
import { takeReceiptNumber } from './receipt-number';

export interface PaymentToSettle {
  id: string;
  dossierId: string;
  agencyId: string;
  provider: string;
  method: string;
  amount: number;
}

export interface SettledPayment {
  receiptNumber: string;
  paidAt: Date;
  linesPaid: number;
}

export async function settlePayment(
  ctx: AppContext,
  trx: DossiersTrx,
  payment: PaymentToSettle,
  actor: DossierActor | null,
  provider: { transactionNo?: string | null; bankCode?: string | null } = {},
): Promise<SettledPayment> {
  const at = ctx.clock.now();
  const receipt = await takeReceiptNumber(trx, payment.agencyId, at, ctx.config.timezone);
  await trx
    .updateTable('dossierPayment')
    .set({
      status: 'paid',
      paidAt: at,
      receiptNumber: receipt.number,
      receiptYear: receipt.year,
      receiptSeq: receipt.seq,
      providerTransaction: provider.transactionNo ?? null,
      bankCode: provider.bankCode ?? null,
    })
    .where('id', '=', payment.id)
    .execute();

  const due = await trx
    .selectFrom('dossierFee')
    .select(['id', 'amount'])
    .where('dossierId', '=', payment.dossierId)
    .where('status', '=', 'due')
    .execute();
  const owed = due.reduce((sum, line) => sum + Number(line.amount), 0);
  let linesPaid = 0;
  if (due.length > 0 && owed === payment.amount) {
    await trx
      .updateTable('dossierFee')
      .set({ status: 'paid', paidAt: at, paymentId: payment.id })
      .where(
        'id',
        'in',
        due.map((line) => line.id),
      )
      .execute();
    linesPaid = due.length;
  } else {
    ctx.log.warn(
      { paymentId: payment.id, dossierId: payment.dossierId, amount: payment.amount, owed },
      'payment does not match the fees owed; the desk must reconcile it',
    );
  }

  await writeDossierHistory(trx, actor, at, {
    dossierId: payment.dossierId,
    action: 'fee_paid',
    agencyId: payment.agencyId,
    note: `Đã nộp ${formatDong(payment.amount)}, biên lai số ${receipt.number}.`,
    details: {
      paymentId: payment.id,
      provider: payment.provider,
      method: payment.method,
      amount: payment.amount,
      receiptNumber: receipt.number,
      linesPaid,
    },
  });
  return { receiptNumber: receipt.number, paidAt: at, linesPaid };
}

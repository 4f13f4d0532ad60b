/**
 * The provider's notification of a payment's outcome (VNPay's IPN): the one thing that marks
 * fees paid online. Checked in VNPay's order — signature (97), payment known to this
 * provider (01), amount equal to the payment's (04), payment still open (02) — and then, in
 * one transaction with the dossier locked, the payment settled (settle-payment.ts) or
 * recorded as failed, answered 00. Providers deliver a notification again until they get
 * 00 or 02, so every repeat finds the payment settled and is answered 02: paid once, one
 * receipt. Every notification, accepted or not, is kept in payment_notification with its
 * outcome; rejections are also logged, with the reference and outcome but nothing of the
 * applicant.
 */
import type { AppContext } from '../../../kernel/context';
import { dossiersDb, type DossiersDb, type DossiersTrx } from '../dossiers-db';
import type { PaymentNotificationTable } from '../dossiers.tables';
import { paymentProviders, type OnlineProviderName } from './payment-provider';
import { settlePayment } from './settle-payment';
import { IPN_ANSWERS, type IpnAnswer, type VnpParams } from './vnpay-protocol';

export type NotificationOutcome = PaymentNotificationTable['outcome'];

/**
 * The `vnp_*` parameters of a provider's call; null when one of them is not a single text
 * value (a repeated name), which no genuine call has.
 */
export function vnpParamsOf(query: Record<string, unknown>): VnpParams | null {
  const params: VnpParams = {};
  for (const [name, value] of Object.entries(query)) {
    if (!name.startsWith('vnp_')) continue;
    if (typeof value !== 'string') return null;
    params[name] = value;
  }
  return params;
}

export async function receivePaymentNotification(
  ctx: AppContext,
  providerName: OnlineProviderName,
  query: Record<string, unknown>,
): Promise<IpnAnswer> {
  const db = dossiersDb(ctx);
  const receivedAt = ctx.clock.now();
  const params = vnpParamsOf(query);
  const rawRef = query.vnp_TxnRef;
  const txnRef = typeof rawRef === 'string' ? rawRef.slice(0, 100) : null;
  const keep = async (
    executor: DossiersDb | DossiersTrx,
    outcome: NotificationOutcome,
    answer: IpnAnswer,
  ): Promise<IpnAnswer> => {
    await executor
      .insertInto('paymentNotification')
      .values({
        receivedAt,
        provider: providerName,
        txnRef,
        outcome,
        answer: answer.RspCode,
        params: JSON.stringify(params ?? filteredQuery(query)),
      })
      .execute();
    const facts = { provider: providerName, txnRef, outcome, answer: answer.RspCode };
    if (outcome === 'duplicate') ctx.log.info(facts, 'payment notification repeated');
    else if (outcome !== 'paid' && outcome !== 'failed') {
      ctx.log.warn(facts, 'payment notification rejected');
    }
    return answer;
  };

  try {
    const provider = paymentProviders(ctx.config).byName[providerName];
    if (!provider || !params || !provider.verify(params)) {
      return await keep(db, 'bad_signature', IPN_ANSWERS.invalidSignature);
    }
    const notice = provider.read(params);
    return await db.transaction().execute(async (trx) => {
      const known = notice.txnRef
        ? await trx
            .selectFrom('dossierPayment')
            .select(['id', 'dossierId'])
            .where('txnRef', '=', notice.txnRef)
            .where('provider', '=', providerName)
            .executeTakeFirst()
        : undefined;
      if (!known) return keep(trx, 'unknown', IPN_ANSWERS.orderNotFound);

      // The dossier first, as every writer of its fees locks it (assess-fees.ts), then the
      // payment: concurrent deliveries of one notification wait here for each other.
      await trx
        .selectFrom('dossier')
        .select('id')
        .where('id', '=', known.dossierId)
        .forUpdate()
        .execute();
      const payment = await trx
        .selectFrom('dossierPayment')
        .select(['id', 'dossierId', 'agencyId', 'provider', 'method', 'amount', 'status'])
        .where('id', '=', known.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const amount = Number(payment.amount);
      if (notice.amount !== amount) return keep(trx, 'wrong_amount', IPN_ANSWERS.invalidAmount);

      // A payment cancelled because its window passed may still be confirmed: the provider
      // took the money before the window closed and told us late.
      const open =
        payment.status === 'pending' ||
        (payment.status === 'cancelled' && notice.outcome === 'success');
      if (!open) return keep(trx, 'duplicate', IPN_ANSWERS.alreadyConfirmed);

      if (notice.outcome === 'success') {
        await settlePayment(ctx, trx, { ...payment, amount }, null, {
          transactionNo: notice.transactionNo,
          bankCode: notice.bankCode,
        });
        return keep(trx, 'paid', IPN_ANSWERS.confirmed);
      }
      await trx
        .updateTable('dossierPayment')
        .set({
          status: notice.outcome === 'cancelled' ? 'cancelled' : 'failed',
          providerTransaction: notice.transactionNo,
          bankCode: notice.bankCode,
        })
        .where('id', '=', payment.id)
        .execute();
      return keep(trx, 'failed', IPN_ANSWERS.confirmed);
    });
  } catch (error) {
    ctx.log.error({ err: error, provider: providerName, txnRef }, 'payment notification failed');
    try {
      return await keep(db, 'error', IPN_ANSWERS.unknownError);
    } catch {
      return IPN_ANSWERS.unknownError;
    }
  }
}

/** What a call that was not a set of single values carried: its vnp_* names and values. */
function filteredQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([name]) => name.startsWith('vnp_')));
}

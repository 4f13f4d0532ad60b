/**
 * The applicant's browser back from the provider's page (vnp_ReturnUrl). What it carries is
 * only shown, never acted on: the fee becomes paid on the provider's notification alone, so
 * a forged or replayed return changes nothing. A genuine return sends the browser to the
 * dossier's page in the portal, saying whether the provider reported success; the page then
 * reads the fees themselves, which say whether the notification has arrived.
 */
import type { AppContext } from '../../../kernel/context';
import { dossiersDb } from '../dossiers-db';
import { paymentProviders, type OnlineProviderName } from './payment-provider';
import { vnpParamsOf } from './payment-notification';
import { paymentErrors } from './payments.errors';

/** The portal's page of a dossier. */
export function portalDossierPath(code: string, result: 'success' | 'failure'): string {
  return `/ho-so/${encodeURIComponent(code)}?payment=${result}`;
}

/** Where to send the browser; throws PAYMENT_RESULT_INVALID when the return is not genuine. */
export async function paymentReturnTarget(
  ctx: AppContext,
  providerName: OnlineProviderName,
  query: Record<string, unknown>,
): Promise<string> {
  const provider = paymentProviders(ctx.config).byName[providerName];
  const params = vnpParamsOf(query);
  if (!provider || !params || !provider.verify(params)) {
    throw paymentErrors.PAYMENT_RESULT_INVALID();
  }
  const notice = provider.read(params);
  const payment = notice.txnRef
    ? await dossiersDb(ctx)
        .selectFrom('dossierPayment')
        .innerJoin('dossier', 'dossier.id', 'dossierPayment.dossierId')
        .select('dossier.code')
        .where('dossierPayment.txnRef', '=', notice.txnRef)
        .where('dossierPayment.provider', '=', providerName)
        .executeTakeFirst()
    : undefined;
  if (!payment) throw paymentErrors.PAYMENT_RESULT_INVALID();
  return portalDossierPath(payment.code, notice.outcome === 'success' ? 'success' : 'failure');
}

/**
 * The sandbox's side of VNPay's protocol, the part a real provider plays: it checks the
 * signed payment request as VNPay checks a merchant's, shows the applicant what they are
 * asked to pay, and on their decision signs the outcome with the sandbox's key — the
 * notification for the platform's IPN endpoint and the same parameters for the browser's
 * return — as VNPay does: response and transaction status 00 when paid, 24 and 02 when the
 * applicant cancels.
 */
import { randomInt } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import { paymentProviders, SANDBOX_TMN_CODE, sandboxEnabled } from './payment-provider';
import { vnpParamsOf } from './payment-notification';
import { paymentErrors } from './payments.errors';
import { sandboxSecret } from './sandbox-key';
import { parseVnpDate, vnpDate, vnpSignedQuery, type VnpParams } from './vnpay-protocol';

export interface CheckoutRequest {
  /** Every signed parameter, to post back with the decision. */
  params: VnpParams;
  amount: number;
  txnRef: string;
  orderInfo: string;
  expiresAt: Date;
}

/** A genuine, unexpired payment request for the sandbox, or PAYMENT_REQUEST_INVALID. */
export function readCheckoutRequest(
  ctx: AppContext,
  query: Record<string, unknown>,
): CheckoutRequest {
  if (!sandboxEnabled(ctx.config)) throw paymentErrors.PAYMENT_SANDBOX_UNAVAILABLE();
  const sandbox = paymentProviders(ctx.config).byName.sandbox!;
  const params = vnpParamsOf(query);
  if (!params || !sandbox.verify(params) || params.vnp_TmnCode !== SANDBOX_TMN_CODE) {
    throw paymentErrors.PAYMENT_REQUEST_INVALID({ reason: 'signature' });
  }
  const amount = Number(params.vnp_Amount) / 100;
  const expiresAt = parseVnpDate(params.vnp_ExpireDate);
  if (
    params.vnp_Command !== 'pay' ||
    !Number.isSafeInteger(amount) ||
    amount <= 0 ||
    !params.vnp_TxnRef ||
    !params.vnp_ReturnUrl ||
    !expiresAt
  ) {
    throw paymentErrors.PAYMENT_REQUEST_INVALID({ reason: 'parameters' });
  }
  if (expiresAt.getTime() <= ctx.clock.now().getTime()) {
    throw paymentErrors.PAYMENT_REQUEST_INVALID({ reason: 'expired' });
  }
  return {
    params,
    amount,
    txnRef: params.vnp_TxnRef,
    orderInfo: params.vnp_OrderInfo ?? '',
    expiresAt,
  };
}

export interface CheckoutOutcome {
  /** The signed notification, as the query string of the IPN call. */
  notification: string;
  /** Where the browser goes next: the merchant's return URL with the same parameters. */
  returnUrl: string;
}

export function decideCheckout(
  ctx: AppContext,
  request: CheckoutRequest,
  decision: 'pay' | 'cancel',
): CheckoutOutcome {
  const paid = decision === 'pay';
  const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
  const outcome: VnpParams = {
    vnp_Amount: request.params.vnp_Amount!,
    vnp_BankCode: 'SANDBOX',
    ...(paid ? { vnp_BankTranNo: `SB${digits(10)}` } : {}),
    vnp_CardType: 'ATM',
    vnp_OrderInfo: request.orderInfo,
    vnp_PayDate: vnpDate(ctx.clock.now()),
    vnp_ResponseCode: paid ? '00' : '24',
    vnp_TmnCode: SANDBOX_TMN_CODE,
    vnp_TransactionNo: paid ? digits(8) : '0',
    vnp_TransactionStatus: paid ? '00' : '02',
    vnp_TxnRef: request.txnRef,
  };
  const notification = vnpSignedQuery(outcome, sandboxSecret(ctx.config.dataDir));
  const returnUrl = request.params.vnp_ReturnUrl!;
  return {
    notification,
    returnUrl: `${returnUrl}${returnUrl.includes('?') ? '&' : '?'}${notification}`,
  };
}

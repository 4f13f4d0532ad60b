/**
 * A payment provider as the platform sees it: it makes the address where the applicant pays
 * an amount under a reference, and it tells a genuine notification of the outcome from a
 * forged one. Two speak VNPay's protocol (vnpay-protocol.ts): VNPay itself, and the
 * platform's sandbox, whose checkout page (sandbox-checkout.ts) plays the provider's part
 * with a key of its own, so development and demonstrations run the whole signed exchange
 * without a merchant account. The sandbox pays at the press of a button, so it never runs
 * in production.
 */
import type { Config } from '../../../kernel/config/config';
import {
  VNP_VERSION,
  vnpOutcome,
  vnpSignedQuery,
  vnpVerify,
  vnpDate,
  type VnpParams,
} from './vnpay-protocol';
import { sandboxSecret } from './sandbox-key';

export type OnlineProviderName = 'vnpay' | 'sandbox';

/** What is to be paid. */
export interface PaymentOrder {
  /** The reference the provider will know the payment by (vnp_TxnRef). */
  txnRef: string;
  /** In đồng. */
  amount: number;
  /** What the applicant sees on the provider's page: plain ASCII, as VNPay asks. */
  orderInfo: string;
  /** The applicant's address, which VNPay records with the payment. */
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
  locale: 'vn' | 'en';
}

/** What a notification (or a browser's return) says, once its signature is verified. */
export interface PaymentNotice {
  txnRef: string | null;
  /** In đồng; null when the parameter is missing or not a whole number of đồng. */
  amount: number | null;
  outcome: 'success' | 'cancelled' | 'failed';
  /** The provider's own transaction number (vnp_TransactionNo). */
  transactionNo: string | null;
  bankCode: string | null;
}

export interface PaymentProvider {
  readonly name: OnlineProviderName;
  /** The address the applicant's browser is sent to, to pay `order`. */
  paymentUrl(order: PaymentOrder): string;
  /** Whether the parameters carry this provider's valid signature. */
  verify(params: VnpParams): boolean;
  /** What signed parameters say. */
  read(params: VnpParams): PaymentNotice;
}

export interface VnpayTerminal {
  name: OnlineProviderName;
  tmnCode: string;
  secret: string;
  payUrl: string;
  /** Where the provider sends the applicant's browser back. */
  returnUrl: string;
}

/** A terminal of VNPay's protocol: VNPay's own, or the sandbox's. */
export function vnpayProvider(terminal: VnpayTerminal): PaymentProvider {
  return {
    name: terminal.name,
    paymentUrl(order) {
      const params: VnpParams = {
        vnp_Version: VNP_VERSION,
        vnp_Command: 'pay',
        vnp_TmnCode: terminal.tmnCode,
        vnp_Amount: String(order.amount * 100),
        vnp_CurrCode: 'VND',
        vnp_TxnRef: order.txnRef,
        vnp_OrderInfo: order.orderInfo,
        // VNPay's category for payments that are not goods: bills, fees and the like.
        vnp_OrderType: 'other',
        vnp_Locale: order.locale,
        vnp_ReturnUrl: terminal.returnUrl,
        vnp_IpAddr: order.ipAddr,
        vnp_CreateDate: vnpDate(order.createdAt),
        vnp_ExpireDate: vnpDate(order.expiresAt),
      };
      return `${terminal.payUrl}?${vnpSignedQuery(params, terminal.secret)}`;
    },
    verify: (params) => vnpVerify(params, terminal.secret),
    read(params) {
      const raw = params.vnp_Amount;
      const hundredths = raw !== undefined && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
      return {
        txnRef: params.vnp_TxnRef || null,
        amount:
          Number.isSafeInteger(hundredths) && hundredths % 100 === 0 ? hundredths / 100 : null,
        outcome: vnpOutcome(params),
        transactionNo: params.vnp_TransactionNo || null,
        bankCode: params.vnp_BankCode || null,
      };
    },
  };
}

/** The sandbox's terminal code: eight letters and digits, like VNPay's. */
export const SANDBOX_TMN_CODE = 'TINHSO00';

export const PAYMENT_PATHS = {
  vnpayIpn: '/api/payments/vnpay/ipn',
  vnpayReturn: '/api/payments/vnpay/return',
  sandboxCheckout: '/api/payments/sandbox/checkout',
  sandboxIpn: '/api/payments/sandbox/ipn',
  sandboxReturn: '/api/payments/sandbox/return',
} as const;

type ProviderConfig = Pick<
  Config,
  | 'env'
  | 'dataDir'
  | 'publicUrl'
  | 'paymentProvider'
  | 'vnpayTmnCode'
  | 'vnpayHashSecret'
  | 'vnpayPayUrl'
>;

export interface PaymentProviders {
  /** The provider new payments go to; null when online payment is not available. */
  active: PaymentProvider | null;
  /** Each provider whose notifications can be verified here. */
  byName: Partial<Record<OnlineProviderName, PaymentProvider>>;
}

const cache = new WeakMap<object, PaymentProviders>();

export function paymentProviders(config: ProviderConfig): PaymentProviders {
  const known = cache.get(config);
  if (known) return known;
  const base = config.publicUrl.replace(/\/+$/, '');
  const byName: PaymentProviders['byName'] = {};
  // VNPay's notifications verify wherever its secret is configured, even after a switch to
  // the sandbox, so payments begun before the switch still complete.
  if (config.vnpayTmnCode !== '' && config.vnpayHashSecret !== '') {
    byName.vnpay = vnpayProvider({
      name: 'vnpay',
      tmnCode: config.vnpayTmnCode,
      secret: config.vnpayHashSecret,
      payUrl: config.vnpayPayUrl,
      returnUrl: `${base}${PAYMENT_PATHS.vnpayReturn}`,
    });
  }
  if (sandboxEnabled(config)) {
    byName.sandbox = vnpayProvider({
      name: 'sandbox',
      tmnCode: SANDBOX_TMN_CODE,
      secret: sandboxSecret(config.dataDir),
      payUrl: `${base}${PAYMENT_PATHS.sandboxCheckout}`,
      returnUrl: `${base}${PAYMENT_PATHS.sandboxReturn}`,
    });
  }
  const providers = { active: byName[config.paymentProvider] ?? null, byName };
  cache.set(config, providers);
  return providers;
}

/** The sandbox takes payments only where it is chosen, and never in production. */
export function sandboxEnabled(config: Pick<Config, 'env' | 'paymentProvider'>): boolean {
  return config.paymentProvider === 'sandbox' && config.env !== 'production';
}

/**
 * VNPay's payment protocol, version 2.1.0, as its integration guide describes it: a payment
 * is a redirect to the provider's page with `vnp_*` parameters, and its outcome comes back
 * as `vnp_*` parameters (server to server on the IPN URL, and on the browser's return URL).
 * Both directions are signed the same way: the parameters other than vnp_SecureHash and
 * vnp_SecureHashType, sorted by name, each name and value URL-encoded as PHP's urlencode
 * does (space as `+`, everything but letters, digits and `-_.` as %XX of its UTF-8 bytes),
 * joined as a query string, and signed with HMAC-SHA512 under the merchant's secret, in
 * hexadecimal. Times are `yyyyMMddHHmmss` in GMT+7; amounts are in đồng times 100.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type VnpParams = Record<string, string>;

export const VNP_VERSION = '2.1.0';
const UNSIGNED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);
const GMT7_MS = 7 * 60 * 60 * 1000;

/** PHP's urlencode, which VNPay's reference code signs with. */
export function vnpEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** The signed text: the parameters (less the signature's own) sorted and encoded. */
export function vnpSignedData(params: VnpParams): string {
  return Object.keys(params)
    .filter((name) => !UNSIGNED.has(name))
    .sort()
    .map((name) => `${vnpEncode(name)}=${vnpEncode(params[name]!)}`)
    .join('&');
}

export function vnpSignature(params: VnpParams, secret: string): string {
  return createHmac('sha512', secret).update(vnpSignedData(params), 'utf8').digest('hex');
}

/** The parameters with their signature, as a query string (the signature last). */
export function vnpSignedQuery(params: VnpParams, secret: string): string {
  return `${vnpSignedData(params)}&vnp_SecureHash=${vnpSignature(params, secret)}`;
}

/** Whether vnp_SecureHash is the signature of the other parameters, compared in constant time. */
export function vnpVerify(params: VnpParams, secret: string): boolean {
  const given = params.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(vnpSignature(params, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** `yyyyMMddHHmmss` in GMT+7 (Vietnam has no daylight saving time). */
export function vnpDate(at: Date): string {
  const local = new Date(at.getTime() + GMT7_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    String(local.getUTCFullYear()) +
    two(local.getUTCMonth() + 1) +
    two(local.getUTCDate()) +
    two(local.getUTCHours()) +
    two(local.getUTCMinutes()) +
    two(local.getUTCSeconds())
  );
}

/** The instant of a `yyyyMMddHHmmss` GMT+7 time, or null when it is not one. */
export function parseVnpDate(text: string | undefined): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - GMT7_MS;
  const at = new Date(utc);
  return vnpDate(at) === text ? at : null;
}

/** VNPay's answers to an IPN call. */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknown error' },
} as const;

export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/**
 * vnp_ResponseCode and vnp_TransactionStatus both `00`: the money was taken. Code 24 is
 * VNPay's "the customer cancelled"; anything else is a failure.
 */
export function vnpOutcome(params: VnpParams): 'success' | 'cancelled' | 'failed' {
  if (params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00') return 'success';
  return params.vnp_ResponseCode === '24' ? 'cancelled' : 'failed';
}

/**
 * What to say when the payment provider sends the browser back (`?payment=success|failure`).
 * The provider's word is not the platform's: a fee is paid only once the provider's
 * notification has reached the server, which may come a moment after the browser. So after
 * "success" the page reads the fees again a few times, and says "confirmed" only when nothing
 * is outstanding; if the confirmation is slower still, it says so rather than "failed".
 */
export type PaymentNotice = 'failure' | 'pending' | 'confirmed' | 'unconfirmed';

/** How many times the fees are read again, and how far apart. */
export const PAYMENT_POLLS = 5;
export const PAYMENT_POLL_MS = 2000;

export function paymentNotice(
  result: string | null,
  fees: { outstanding: number } | undefined,
  reads: number,
): PaymentNotice | null {
  if (result === 'failure') return 'failure';
  if (result !== 'success') return null;
  if (fees && fees.outstanding === 0) return 'confirmed';
  if (!fees || reads <= PAYMENT_POLLS) return 'pending';
  return 'unconfirmed';
}

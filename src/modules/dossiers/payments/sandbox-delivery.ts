/**
 * How the sandbox delivers its notification: like VNPay, server to server over HTTP, to the
 * platform's IPN endpoint at its public address. When the platform does not listen (tests
 * driving it through inject) or its public address cannot be reached from where it runs
 * (a development machine behind a proxy), the notification goes to the same handler in
 * the process instead; the handler is idempotent, so a notification that arrived over HTTP
 * but whose answer was lost is only confirmed once.
 */
import type { AppContext } from '../../../kernel/context';
import { receivePaymentNotification } from './payment-notification';
import { PAYMENT_PATHS } from './payment-provider';
import type { IpnAnswer } from './vnpay-protocol';

const DELIVERY_TIMEOUT_MS = 10_000;

/** Calls the sandbox's IPN endpoint of the platform at `baseUrl`; null if no answer came. */
export async function sendSandboxNotification(
  baseUrl: string,
  notification: string,
): Promise<IpnAnswer | null> {
  const url = `${baseUrl.replace(/\/+$/, '')}${PAYMENT_PATHS.sandboxIpn}?${notification}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<IpnAnswer>;
    return typeof body.RspCode === 'string' && typeof body.Message === 'string'
      ? (body as IpnAnswer)
      : null;
  } catch {
    return null;
  }
}

export async function deliverSandboxNotification(
  ctx: AppContext,
  listening: boolean,
  notification: string,
): Promise<IpnAnswer> {
  if (listening) {
    const answer = await sendSandboxNotification(ctx.config.publicUrl, notification);
    if (answer) return answer;
    ctx.log.warn(
      { publicUrl: ctx.config.publicUrl },
      'sandbox payment: the IPN endpoint is not reachable at PUBLIC_URL; delivered in process',
    );
  }
  return receivePaymentNotification(
    ctx,
    'sandbox',
    Object.fromEntries(new URLSearchParams(notification)),
  );
}

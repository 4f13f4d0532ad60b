/**
 * How a channel says a message can never be delivered (bad address, channel not set up):
 * the job then stops retrying it. Any other error is treated as transient and retried.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** SMTP 5xx replies are permanent (RFC 5321 §4.2.1); 4xx and network failures are not. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

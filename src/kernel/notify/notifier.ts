/**
 * The delivery channels of this process, built from configuration once and handed to every
 * part as `ctx.notify`. Tests and future carriers replace a channel through `overrides`.
 */
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createEmailSender, type EmailSender } from './email-sender';
import { consoleCarrier, type SmsCarrier, type ZaloCarrier } from './carriers';

export interface Notifier {
  email: EmailSender;
  /** Null when SMS_TRANSPORT=none. */
  sms: SmsCarrier | null;
  /** Null when SMS_TRANSPORT=none (Zalo follows the SMS setting until it has its own). */
  zalo: ZaloCarrier | null;
  /** Closes pooled connections (on shutdown). */
  close(): void;
}

export function createNotifier(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'env' | 'dataDir' | 'smsTransport'>,
  log: Logger,
  overrides: Partial<Pick<Notifier, 'email' | 'sms' | 'zalo'>> = {},
): Notifier {
  const email = overrides.email ?? createEmailSender(config, log);
  const textChannels = config.smsTransport === 'console';
  return {
    email,
    sms:
      overrides.sms !== undefined
        ? overrides.sms
        : textChannels
          ? consoleCarrier('sms', log)
          : null,
    zalo:
      overrides.zalo !== undefined
        ? overrides.zalo
        : textChannels
          ? consoleCarrier('zalo', log)
          : null,
    close: () => email.close(),
  };
}

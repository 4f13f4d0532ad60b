/**
 * Text channels: SMS through a carrier and Zalo (ZNS) messages. A real carrier implements
 * `MessageCarrier` and plugs in through `createNotifier`; until then the console carrier
 * writes messages to the log for developers (SMS_TRANSPORT=console), and `none` leaves the
 * channel off, which fails such notifications permanently instead of pretending to send.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger';
import { maskRecipient } from './mask';

export interface MessageCarrier {
  readonly name: string;
  /** Sends `text` to a phone number; throws PermanentDeliveryError for a hopeless number. */
  send(to: string, text: string): Promise<{ messageId: string }>;
}

export type SmsCarrier = MessageCarrier;
export type ZaloCarrier = MessageCarrier;

/** Development carrier: the message goes to the log, the recipient masked. */
export function consoleCarrier(channel: 'sms' | 'zalo', log: Logger): MessageCarrier {
  return {
    name: `console-${channel}`,
    send: async (to, text) => {
      const messageId = `console-${randomUUID()}`;
      log.info({ channel, to: maskRecipient(to), text, messageId }, `${channel} message (console)`);
      return { messageId };
    },
  };
}

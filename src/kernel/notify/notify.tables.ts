import type { ColumnType, Generated } from 'kysely';
import type { Locale } from './templates';

export type NotificationChannel = 'email' | 'sms' | 'zalo';
export type NotificationState = 'queued' | 'sent' | 'failed';

/**
 * A message to deliver. Written in the transaction of the change that causes it, sent later
 * by the notification job: a rolled-back change sends nothing, and a slow mail server never
 * holds a request or a database transaction open.
 */
export interface NotificationTable {
  id: Generated<string>;
  channel: NotificationChannel;
  /** E-mail address or phone number; personal data, masked wherever it is logged. */
  recipient: string;
  template: string;
  locale: Locale;
  variables: ColumnType<Record<string, string>, string, string>;
  state: Generated<NotificationState>;
  attempts: Generated<number>;
  lastError: string | null;
  /** When the next attempt is due; null means as soon as possible. */
  nextAttemptAt: Date | null;
  /** Lease of the sender working on it, so two workers never send the same message. */
  lockedUntil: Date | null;
  sentAt: Date | null;
  /** Identifier the mail server or carrier gave the message. */
  providerMessageId: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface NotifyTables {
  notification: NotificationTable;
}

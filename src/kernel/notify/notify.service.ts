/**
 * Queueing and sending notifications. A part queues a message inside the transaction of the
 * change that causes it (`queueNotification`); the `notify.send_queued` job delivers it a few
 * seconds later, outside any transaction, retrying transient failures with growing delays.
 */
import type { AppContext } from '../context';
import type { CompiledQuery } from 'kysely';
import type { StatementBatch } from '../db/statement-batch';
import { jsonbWith } from '../db/jsonb-with';
import type { NotificationChannel } from './notify.tables';
import {
  claimDueNotifications,
  deleteFinishedBefore,
  insertNotification,
  markFailed,
  notificationInsert,
  markRetry,
  markSent,
  type Notification,
  type NotifyDb,
} from './notify.queries';
import {
  checkVariables,
  DEFAULT_LOCALE,
  findTemplate,
  MissingVariableError,
  renderTemplate,
  type Locale,
  type Template,
} from './templates';
import { PermanentDeliveryError, isPermanentSmtpFailure } from './delivery-errors';
import { maskIn, maskRecipient } from './mask';

export interface NewNotification<V extends string> {
  channel: NotificationChannel;
  /** E-mail address for `email`, phone number (digits, optional leading +) otherwise. */
  to: string;
  template: Template<V>;
  /** The recipient's language; Vietnamese when not known. */
  locale?: Locale;
  variables: Readonly<Record<V, string>>;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const PHONE = /^\+?[0-9]{8,15}$/;

/** After this many attempts a message is given up (about 2 hours of retries in all). */
export const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 60 * 60_000;
/** Longer than the SMTP timeouts, so a lease never expires while a send is still running. */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;
/** Finished messages (with their contact details) are kept this long for support questions. */
export const RETENTION_DAYS = 90;

/**
 * Queues a message in the caller's transaction. Refuses, by throwing, a malformed recipient
 * or missing variables: those are mistakes of the calling code, better found before commit.
 */
export async function queueNotification<V extends string>(
  trx: NotifyDb,
  notification: NewNotification<V>,
): Promise<string> {
  return insertNotification(trx, notificationRow(notification));
}

/**
 * Queues a message as part of a one-statement batch (kernel/db/statement-batch). A variable
 * may be an SQL expression over the batch's named clauses (e.g. the name of the agency the
 * same statement routes a report to); the others are checked against the template here.
 */
export function queueNotificationInBatch<V extends string>(
  batch: StatementBatch,
  notification: Omit<NewNotification<V>, 'variables'> & {
    variables: Readonly<Record<V, string | CompiledQuery>>;
  },
): void {
  const given: Record<string, string> = {};
  const computed: Record<string, CompiledQuery> = {};
  for (const [name, value] of Object.entries<string | CompiledQuery>(notification.variables)) {
    if (typeof value === 'string') given[name] = value;
    else computed[name] = value;
  }
  // The computed ones are known only to the database; their names stand in for the check.
  const checked = { ...given, ...Object.fromEntries(Object.keys(computed).map((k) => [k, k])) };
  const row = notificationRow({ ...notification, variables: checked as Record<V, string> });
  batch.add(
    notificationInsert(batch.db, {
      ...row,
      variables: Object.keys(computed).length > 0 ? jsonbWith(given, computed) : row.variables,
    }),
  );
}

/** The row of a queued message, after checking its recipient and variables. */
function notificationRow<V extends string>(notification: NewNotification<V>) {
  const to = notification.to.trim();
  const valid = notification.channel === 'email' ? EMAIL.test(to) : PHONE.test(to);
  if (!valid) throw new Error(`invalid ${notification.channel} recipient ${maskRecipient(to)}`);
  const locale = notification.locale ?? DEFAULT_LOCALE;
  const variables: Record<string, string> = { ...notification.variables };
  checkVariables(notification.template, variables);
  return {
    channel: notification.channel,
    recipient: to,
    template: notification.template.name,
    locale,
    variables: JSON.stringify(variables),
  };
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Sends every due message (in batches) and records the outcome of each. */
export async function sendQueuedNotifications(ctx: AppContext): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const now = ctx.clock.now();
    const batch = await claimDueNotifications(
      ctx.db,
      now,
      new Date(now.getTime() + LEASE_MS),
      BATCH,
    );
    for (const notification of batch) {
      result[await deliver(ctx, notification)] += 1;
    }
    if (batch.length < BATCH) return result;
  }
}

async function deliver(ctx: AppContext, notification: Notification): Promise<keyof SendResult> {
  const log = ctx.log.child({
    notificationId: notification.id,
    channel: notification.channel,
    template: notification.template,
    to: maskRecipient(notification.recipient),
  });
  try {
    const template = findTemplate(notification.template);
    if (!template) {
      throw new PermanentDeliveryError(`unknown template "${notification.template}"`);
    }
    const message = renderTemplate(template, notification.locale, notification.variables);
    const { messageId } = await send(ctx, notification, message);
    await markSent(ctx.db, notification.id, ctx.clock.now(), messageId);
    log.info({ attempt: notification.attempts }, 'notification sent');
    return 'sent';
  } catch (error) {
    const reason = maskIn(
      error instanceof Error ? error.message : String(error),
      notification.recipient,
    ).slice(0, 500);
    const permanent =
      error instanceof PermanentDeliveryError ||
      error instanceof MissingVariableError ||
      isPermanentSmtpFailure(error);
    if (permanent || notification.attempts >= MAX_ATTEMPTS) {
      await markFailed(ctx.db, notification.id, reason);
      log.warn({ attempt: notification.attempts, reason }, 'notification failed');
      return 'failed';
    }
    const delay = Math.min(RETRY_BASE_MS * 2 ** (notification.attempts - 1), RETRY_MAX_MS);
    await markRetry(ctx.db, notification.id, new Date(ctx.clock.now().getTime() + delay), reason);
    log.info(
      { attempt: notification.attempts, reason, retryInMs: delay },
      'notification will be retried',
    );
    return 'retried';
  }
}

async function send(
  ctx: AppContext,
  notification: Notification,
  message: ReturnType<typeof renderTemplate>,
): Promise<{ messageId: string }> {
  if (notification.channel === 'email') {
    return ctx.notify.email.send({ to: notification.recipient, ...message });
  }
  const carrier = notification.channel === 'sms' ? ctx.notify.sms : ctx.notify.zalo;
  if (!carrier) {
    throw new PermanentDeliveryError(`no ${notification.channel} carrier is configured`);
  }
  return carrier.send(notification.recipient, message.text);
}

/** Removes finished messages older than the retention period. */
export async function purgeOldNotifications(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - RETENTION_DAYS * 24 * 60 * 60_000);
  return deleteFinishedBefore(ctx.db, before);
}

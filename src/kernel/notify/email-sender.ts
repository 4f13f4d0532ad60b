/**
 * E-mail over SMTP (nodemailer). Without SMTP_URL, outside production, messages are written
 * to `<dataDir>/mail/*.eml` and summarised in the log, so a developer can open them in any
 * mail reader; in production a missing SMTP_URL makes every e-mail fail visibly instead.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { maskRecipient } from './mask';
import { PermanentDeliveryError } from './delivery-errors';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface EmailSender {
  readonly kind: 'smtp' | 'file' | 'disabled';
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/** SMTP connection settings from an smtp:// or smtps:// URL (user and password URL-encoded). */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    // A stuck server must not hold a sender forever; the job retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

export function createEmailSender(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'env' | 'dataDir'>,
  log: Logger,
): EmailSender {
  if (config.smtpUrl !== '') {
    const transport = nodemailer.createTransport(smtpOptions(config.smtpUrl), {
      from: config.mailFrom,
    });
    return {
      kind: 'smtp',
      send: async (message) => {
        const info = await transport.sendMail(message);
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }

  if (config.env === 'production') {
    return {
      kind: 'disabled',
      send: async () => {
        throw new PermanentDeliveryError('e-mail is not configured: set SMTP_URL');
      },
      close: () => undefined,
    };
  }

  const mailDir = path.join(config.dataDir, 'mail');
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true, newline: 'unix' },
    { from: config.mailFrom },
  );
  return {
    kind: 'file',
    send: async (message) => {
      const info = await transport.sendMail(message);
      await fs.mkdir(mailDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(mailDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      log.info(
        { to: maskRecipient(message.to), subject: message.subject, text: message.text, file },
        'e-mail written to file (no SMTP_URL)',
      );
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

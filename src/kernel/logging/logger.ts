/**
 * Structured JSON logs (pino). Personal data never reaches a log line: credentials,
 * cookies, contact details and identity numbers are redacted wherever they appear in
 * request bodies, headers or error details.
 */
import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';

/** Field names that carry personal data or secrets, at any of the first levels of nesting. */
export const REDACTED_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'totp',
  'code',
  'recoveryCode',
  'secret',
  'token',
  'apiKey',
  'phone',
  'email',
  'citizenId',
  'idNumber',
  'address',
  'fullName',
  'dateOfBirth',
];

export function redactPaths(): string[] {
  const paths = [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    'res.headers["set-cookie"]',
  ];
  for (const field of REDACTED_FIELDS) {
    paths.push(field, `*.${field}`, `*.*.${field}`, `body.${field}`, `err.details.${field}`);
  }
  return paths;
}

export function loggerOptions(config: Pick<Config, 'logLevel'>): pino.LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: redactPaths(), censor: '[redacted]' },
    base: { service: 'tinhso' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(loggerOptions(config));
}

export type { Logger };

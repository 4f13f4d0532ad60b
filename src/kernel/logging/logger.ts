/**
 * Structured JSON logs (pino). Personal data never reaches a log line: credentials,
 * cookies, contact details and identity numbers are redacted wherever they appear in a
 * log object, its child bindings or an error's fields (redact.ts).
 */
import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';
import { REDACTED, redactLogObject, topLevelRedactPaths } from './redact';

export function loggerOptions(config: Pick<Config, 'logLevel'>): pino.LoggerOptions {
  return {
    level: config.logLevel,
    formatters: { log: redactLogObject },
    redact: { paths: topLevelRedactPaths(), censor: REDACTED },
    base: { service: 'tinhso' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(loggerOptions(config));
}

export type { Logger };

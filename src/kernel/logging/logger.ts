/**
 * Structured JSON logs (pino). Personal data never reaches a log line: credentials,
 * cookies, contact details and identity numbers are redacted wherever they appear in a
 * log object, its child bindings or an error's fields (redact.ts).
 *
 * Lines go to standard output in batches: every request writes an access line, and one
 * write to the descriptor per line (a system call, through the thread pool) cost a busy
 * server a tenth of its time per request. A batch is written once it holds LOG_BATCH_BYTES,
 * and at least every LOG_FLUSH_MS, so a quiet server's lines still show within a second;
 * pino flushes what is left, synchronously, when the process exits (also by process.exit
 * or an uncaught exception). Only a killed process (SIGKILL, out of memory) loses the last
 * batch.
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

const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 1000;

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(
    loggerOptions(config),
    pino.destination({
      dest: 1,
      sync: false,
      minLength: LOG_BATCH_BYTES,
      periodicFlush: LOG_FLUSH_MS,
    }),
  );
}

export type { Logger };

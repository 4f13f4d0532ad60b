/**
 * Structured JSON logs (pino). Personal data never reaches a log line: credentials,
 * cookies, contact details and identity numbers are redacted wherever they appear in a
 * log object, its child bindings or an error's fields (redact.ts).
 *
 * Lines go to standard output in batches: every request writes an access line, and one
 * write to the descriptor per line (a system call each, through the thread pool) cost a busy
 * server a tenth of its time per request. A batch is written once it holds LOG_BATCH_BYTES,
 * and at least every LOG_FLUSH_MS, so a quiet server's lines still show within a second.
 * Writes are synchronous, so batches land in the order they were made; what is left is
 * written when the process exits (process.exit and uncaught exceptions included). Only a
 * killed process (SIGKILL, out of memory) loses its last batch. Every logger of the process
 * shares the one destination, so their lines never interleave out of order either.
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

let standardOutput: ReturnType<typeof pino.destination> | undefined;

function sharedStandardOutput(): ReturnType<typeof pino.destination> {
  if (!standardOutput) {
    const destination = pino.destination({
      dest: 1,
      sync: true,
      minLength: LOG_BATCH_BYTES,
      periodicFlush: LOG_FLUSH_MS,
    });
    process.once('exit', () => {
      try {
        destination.flushSync();
      } catch {
        // Standard output already closed: nothing left to write to.
      }
    });
    standardOutput = destination;
  }
  return standardOutput;
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(loggerOptions(config), sharedStandardOutput());
}

export type { Logger };

/**
 * Assembles the kernel services for one process. `main.ts` and the test harness both call
 * it, so tests run against the same wiring as production.
 */
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { AppContext } from './context';
import { createLogger, type Logger } from './logging/logger';
import { systemClock, type Clock } from './clock';
import { LocalFileStore } from './storage/local-file-store';
import type { FileStore } from './storage/file-store';
import { createNotifier, type Notifier } from './notify/notifier';

export interface ContextOptions {
  config: Readonly<Config>;
  database: Database;
  log?: Logger;
  clock?: Clock;
  files?: FileStore;
  notify?: Notifier;
}

export async function createContext(options: ContextOptions): Promise<AppContext> {
  const { config, database } = options;
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const files = options.files ?? new LocalFileStore(config.storageDir);
  const notify = options.notify ?? createNotifier(config, log);
  return { config, database, db: database.db, log, clock, files, notify };
}

/**
 * The services every part receives. Built once per process by `createContext` (and by the
 * test harness with a test database), then handed to routes, handlers, jobs and seeds.
 */
import type { Config } from './config/config';
import type { Database, Db } from './db/database';
import type { Logger } from './logging/logger';
import type { Clock } from './clock';
import type { FileStore } from './storage/file-store';
import type { Notifier } from './notify/notifier';

export interface AppContext {
  config: Readonly<Config>;
  database: Database;
  db: Db;
  log: Logger;
  clock: Clock;
  /** Content of stored files (local disk by default). */
  files: FileStore;
  /** Delivery channels for notifications: e-mail, SMS, Zalo. */
  notify: Notifier;
}

/**
 * Opening the platform's runtime for a CLI command: configuration, the database (embedded
 * or PostgreSQL), migrations, and the kernel context. Shared by `start`, `migrate`, `seed`,
 * `user create` and `audit verify` so every command sees the same wiring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../kernel/config/config';
import { openDatabase, type Database } from '../kernel/db/database';
import { migrateToLatest } from '../kernel/db/migrator';
import { createContext } from '../kernel/create-context';
import type { AppContext } from '../kernel/context';
import { createLogger, type Logger } from '../kernel/logging/logger';
import { manifests } from '../parts';

export interface Runtime {
  config: Readonly<Config>;
  ctx: AppContext;
  log: Logger;
  close(): Promise<void>;
}

/** The embedded database allows one process; a lock file says which. */
function lockEmbeddedDatabase(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'tinhso.pid');
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `the embedded database in ${dir} is in use by process ${pid}; stop it first, or set DATABASE_URL to share a PostgreSQL server`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      // already gone
    }
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openRuntime(
  options: { migrate?: boolean; config?: Readonly<Config> } = {},
): Promise<Runtime> {
  const config = options.config ?? loadConfig();
  const log = createLogger(config);
  let unlock = (): void => undefined;
  let database: Database;
  if (config.databaseUrl) {
    database = await openDatabase({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      prepareThreshold: config.databasePrepareThreshold,
    });
  } else {
    const dir = path.join(config.dataDir, 'pg');
    unlock = lockEmbeddedDatabase(config.dataDir);
    database = await openDatabase({ pgliteDir: dir });
  }
  try {
    if (options.migrate !== false) {
      const result = await migrateToLatest(database.db, manifests);
      const applied = result.results?.filter((r) => r.status === 'Success').length ?? 0;
      if (applied > 0) log.info({ applied }, 'database migrated');
    }
  } catch (error) {
    await database.close();
    unlock();
    throw error;
  }
  const ctx = await createContext({ config, database, log });
  return {
    config,
    ctx,
    log,
    close: async () => {
      ctx.notify.close();
      await database.close();
      unlock();
    },
  };
}

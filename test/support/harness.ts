/**
 * What a test needs to run against the real stack: a fresh database cloned from the
 * migrated template (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set), the
 * kernel context, and optionally the HTTP app for `app.inject()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/kernel/db/database';
import { loadConfig, type Config } from '../../src/kernel/config/config';
import { createContext } from '../../src/kernel/create-context';
import type { AppContext } from '../../src/kernel/context';
import type { Clock } from '../../src/kernel/clock';
import type { Logger } from '../../src/kernel/logging/logger';
import { buildApp } from '../../src/app';
import type { Api } from '../../src/kernel/http/api';
import { manifests } from '../../src/parts';
import type { Manifest } from '../../src/kernel/manifest';
import { readPgliteDump, testDatabaseUrl, withDatabase } from './template-db';

export interface TestDatabase {
  database: Database;
  /** URL of the cloned database (PostgreSQL only): for a second connection, e.g. a superuser. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh copy of the migrated, reference-seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const template = inject('template');
  if (!url) {
    const database = await openDatabase({ pgliteDump: readPgliteDump(template.pgliteDump!) });
    return { database, drop: () => database.close() };
  }
  const name = `tinhso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.pgTemplate!}`);
  await admin.end();
  const cloneUrl = withDatabase(url, name);
  const database = await openDatabase({ url: cloneUrl, poolSize: 5 });
  return {
    database,
    url: cloneUrl,
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface TestContextOptions {
  env?: Record<string, string>;
  /** Parts added after the platform's own, e.g. a probe route used only by a test. */
  extraManifests?: Manifest[];
  config?: Partial<Config>;
  clock?: Clock;
  /** A logger to inspect what the platform writes (silent by default). */
  log?: Logger;
  /** A built web app to serve (see src/kernel/http/web-app.ts). */
  webDir?: string;
}

export interface TestContext {
  ctx: AppContext;
  testDb: TestDatabase;
  close(): Promise<void>;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-test-'));
  const config = loadConfig(
    { NODE_ENV: 'test', DATA_DIR: dataDir, ...options.env },
    options.config,
  );
  const testDb = await createTestDatabase();
  const ctx = await createContext({
    config,
    database: testDb.database,
    clock: options.clock,
    log: options.log,
  });
  return {
    ctx,
    testDb,
    close: async () => {
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestContext {
  app: Api;
}

export async function createTestApp(options: TestContextOptions = {}): Promise<TestApp> {
  const test = await createTestContext(options);
  const app = await buildApp({
    ctx: test.ctx,
    manifests: [...manifests, ...(options.extraManifests ?? [])],
    webDir: options.webDir,
  });
  await app.ready();
  return {
    ...test,
    app,
    close: async () => {
      await app.close();
      await test.close();
    },
  };
}

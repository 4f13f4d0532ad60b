/**
 * Builds the template database once for the whole test run (see test/support/template-db.ts)
 * and removes it afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/kernel/db/database';
import { migrateToLatest } from '../src/kernel/db/migrator';
import { manifests } from '../src/parts';
import { loadConfig } from '../src/kernel/config/config';
import { createContext } from '../src/kernel/create-context';
import { runReferenceSeeds } from '../src/kernel/seed/seeder';
import { CACHE_DIR, testDatabaseUrl, withDatabase } from './support/template-db';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const url = testDatabaseUrl();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: CACHE_DIR });
  const runId = `${process.pid}_${Date.now().toString(36)}`;

  if (url) {
    const name = `tinhso_template_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
    await migrateToLatest(database.db, manifests);
    await runReferenceSeeds(await createContext({ config, database }), manifests);
    await database.close();
    project.provide('template', { pgTemplate: name });
    return async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  }

  const database = await openDatabase({});
  await migrateToLatest(database.db, manifests);
  await runReferenceSeeds(await createContext({ config, database }), manifests);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(CACHE_DIR, `template_${runId}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('template', { pgliteDump: file });
  return async () => fs.rmSync(file, { force: true });
}

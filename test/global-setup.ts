/**
 * Builds the template database once for the whole test run (see test/support/template-db.ts).
 */
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/kernel/db/database';
import { migrateToLatest } from '../src/kernel/db/migrator';
import { manifests } from '../src/parts';
import { loadConfig } from '../src/kernel/config/config';
import { createContext } from '../src/kernel/create-context';
import { runReferenceSeeds } from '../src/kernel/seed/seeder';
import {
  CACHE_DIR,
  PGLITE_TEMPLATE,
  PG_TEMPLATE_NAME,
  testDatabaseUrl,
  withDatabase,
} from './support/template-db';

export default async function setup(): Promise<void> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const url = testDatabaseUrl();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: CACHE_DIR });
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_NAME}`);
    await admin.end();
    const database = await openDatabase({ url: withDatabase(url, PG_TEMPLATE_NAME), poolSize: 2 });
    await migrateToLatest(database.db, manifests);
    await runReferenceSeeds(await createContext({ config, database }), manifests);
    await database.close();
    return;
  }
  const database = await openDatabase({});
  await migrateToLatest(database.db, manifests);
  await runReferenceSeeds(await createContext({ config, database }), manifests);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

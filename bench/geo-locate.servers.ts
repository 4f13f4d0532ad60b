/**
 * The two servers the geo-locate benchmark compares, in one process on one database:
 * the platform (buildApp, with every kernel protection) and a bare Fastify route running
 * the same PostGIS statement. Writes `{"platform":port,"bare":port}` to BENCH_PORTS_FILE
 * when both listen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/kernel/config/config';
import { openDatabase } from '../src/kernel/db/database';
import { migrateToLatest } from '../src/kernel/db/migrator';
import { createContext } from '../src/kernel/create-context';
import { runReferenceSeeds } from '../src/kernel/seed/seeder';
import { locateCommuneSql } from '../src/kernel/geo/geo.queries';
import { manifests } from '../src/parts';
import { announcePorts } from './harness';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  // The benchmark measures the request path, not the limiter refusing it.
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});
const database = databaseUrl
  ? await openDatabase({ url: databaseUrl, poolSize: 10 })
  : await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
await migrateToLatest(database.db, manifests);
const ctx = await createContext({ config, database });
await runReferenceSeeds(ctx, manifests);

const platform = await buildApp({ ctx, manifests });
await platform.listen({ host: '127.0.0.1', port: 0 });

// The baseline: no plugins, no schema, no logging; the same statement on the same database.
const bare = Fastify();
const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 10 }) : null;
bare.get('/locate', async (request, reply) => {
  const query = request.query as { lat: string; lon: string };
  const { text, values } = locateCommuneSql(Number(query.lat), Number(query.lon));
  const rows = pool
    ? (await pool.query(text, values)).rows
    : (await database.db.executeQuery(CompiledQuery.raw(text, values))).rows;
  if (rows.length === 0) return reply.status(404).send({ error: 'not found' });
  return rows[0];
});
await bare.listen({ host: '127.0.0.1', port: 0 });

const portOf = (server: typeof bare.server) => (server.address() as { port: number }).port;
announcePorts({ platform: portOf(platform.server), bare: portOf(bare.server) });

process.on('SIGTERM', () => {
  void (async () => {
    await platform.close();
    await bare.close();
    await pool?.end();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
});

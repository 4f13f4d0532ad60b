/**
 * The two servers the geo-locate benchmark compares, in one process on one database:
 * the platform (buildApp, with every kernel protection) and a bare Fastify route running
 * the same PostGIS statement. Writes `{"platform":port,"bare":port}` to BENCH_PORTS_FILE
 * when both listen.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app';
import { locateCommuneSql } from '../src/kernel/geo/geo.queries';
import { manifests } from '../src/parts';
import { announcePorts } from './harness';
import { openBenchDatabase } from './reports-database';

// A scratch database on PostgreSQL (never the one BENCH_DATABASE_URL names), or PGlite.
const bench = await openBenchDatabase({ million: false, poolSize: 10 });
const { ctx, database } = bench;
const databaseUrl = bench.url;

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
    await bench.close();
    process.exit(0);
  })();
});

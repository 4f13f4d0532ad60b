/**
 * The servers the Open311 benchmarks compare, in one process on one database: the platform
 * (buildApp, every kernel protection, the Open311 server at /open311/v2) and a bare Fastify
 * with no plugins, schema or logging, whose routes run the equivalent single SQL statement:
 *
 * - `GET /requests`: one SELECT of the same page of public reports (the same columns, names
 *   of category and agency, the first visible photo) that the platform assembles.
 * - `POST /requests`: one plain INSERT of the row the platform would write for the report
 *   (its commune and agency known in advance), with none of the platform's work around it
 *   (api key, validation, locating the commune, routing, deadline, reporter, history, audit,
 *   outbox, idempotency).
 *
 * Writes `{"platform","bare","apiKey","agencyId","communeCode"}` to BENCH_PORTS_FILE.
 * BENCH_MILLION=1 runs on the million-report database.
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app';
import { manifests } from '../src/parts';
import { generateApiKey, hashApiKey } from '../src/kernel/auth/api-keys';
import { announcePorts } from './harness';
import { openBenchDatabase } from './reports-database';

const POOL_SIZE = 10;
const bench = await openBenchDatabase({
  million: process.env.BENCH_MILLION === '1',
  poolSize: POOL_SIZE,
});
const { ctx, database } = bench;

// An integration key of the provincial People's Committee, as a back office would hold.
const province = await ctx.db
  .selectFrom('agency')
  .select('id')
  .where('code', '=', '000.00.00.H49')
  .executeTakeFirstOrThrow();
const { prefix, key } = generateApiKey();
await ctx.db
  .insertInto('apiKey')
  .values({
    prefix,
    secretHash: hashApiKey(key),
    name: `bench ${prefix}`,
    agencyId: province.id,
    scopes: [],
    createdBy: null,
    createdAt: ctx.clock.now(),
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
  })
  .execute();

// Columns are aliased in camelCase so a bare `pg` client gets the same row shape as Kysely.
// Where the benchmark's streetlight reports land (Hạ Long ward), for the bare INSERT.
const POINT = { lat: 20.9481, lon: 107.1168 };
const target = CompiledQuery.raw(
  `SELECT m.code AS "communeCode",
          coalesce(
            (SELECT fr.agency_id FROM feedback_routing fr
              WHERE fr.commune_code = m.code AND fr.category_code = 'streetlight'),
            (SELECT a.id FROM agency_commune ac JOIN agency a ON a.id = ac.agency_id
              WHERE ac.commune_code = m.code AND a.kind = 'commune_committee' AND a.active
              ORDER BY a.code LIMIT 1)) AS "agencyId"
     FROM admin_commune m
    WHERE ST_Intersects(m.boundary, ST_SetSRID(ST_MakePoint($2, $1), 4326))
    ORDER BY m.code
    LIMIT 1`,
  [POINT.lat, POINT.lon],
);
const located = (await database.db.executeQuery(target)).rows[0] as
  { communeCode: string; agencyId: string } | undefined;
if (!located) throw new Error('the benchmark point is outside every commune');

const platform = await buildApp({ ctx, manifests });
await platform.listen({ host: '127.0.0.1', port: 0 });

const pool = bench.url ? new pg.Pool({ connectionString: bench.url, max: POOL_SIZE }) : null;
async function query(text: string, values: unknown[]): Promise<unknown[]> {
  return pool
    ? (await pool.query(text, values)).rows
    : (await database.db.executeQuery(CompiledQuery.raw(text, values))).rows;
}

const PAGE_SQL = `
  SELECT r.tracking_code, r.status, coalesce(r.public_description, r.description) AS description,
         r.address, r.lat, r.lon, r.submitted_at, r.updated_at, r.deadline_at, r.closed_at,
         c.code AS service_code, c.name AS service_name, a.name AS agency_responsible,
         (SELECT m.id FROM feedback_media m
           WHERE m.report_id = r.id AND m.kind = 'report' AND NOT m.hidden
           ORDER BY m.position LIMIT 1) AS media_id
    FROM feedback_report r
    JOIN feedback_category c ON c.code = r.category_code
    JOIN agency a ON a.id = r.agency_id
   WHERE NOT r.hidden AND r.category_code = $1 AND r.submitted_at >= $2 AND r.submitted_at < $3
   ORDER BY r.submitted_at DESC, r.id
   LIMIT $4 OFFSET $5`;

const INSERT_SQL = `
  INSERT INTO feedback_report (tracking_code, category_code, status, agency_id, commune_code,
    location, lat, lon, address, description, attributes, source, submitted_at, updated_at,
    deadline_at)
  VALUES ($1, 'streetlight', 'new', $2, $3, ST_SetSRID(ST_MakePoint($5, $4), 4326)::geography,
    $4, $5, $6, $7, $8, 'open311', now(), now(), now() + interval '3 days')
  RETURNING tracking_code AS "trackingCode"`;

const bare = Fastify();
bare.get('/requests', async (request) => {
  const q = request.query as Record<string, string>;
  const size = Number(q.page_size ?? 50);
  return query(PAGE_SQL, [
    q.service_code,
    q.start_date,
    q.end_date,
    size,
    (Number(q.page ?? 1) - 1) * size,
  ]);
});
bare.addContentTypeParser(
  'application/x-www-form-urlencoded',
  { parseAs: 'string' },
  (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
);
bare.post('/requests', async (request) => {
  const form = request.body as Record<string, string>;
  const code = `PA-${randomBytes(6).toString('hex').toUpperCase()}`;
  const rows = await query(INSERT_SQL, [
    code,
    located.agencyId,
    located.communeCode,
    Number(form.lat),
    Number(form.long),
    form.address_string ?? '',
    form.description,
    JSON.stringify({ lights_out: form['attribute[lights_out]'] }),
  ]);
  return [{ service_request_id: (rows[0] as { trackingCode: string }).trackingCode }];
});
await bare.listen({ host: '127.0.0.1', port: 0 });

const portOf = (server: typeof bare.server) => (server.address() as { port: number }).port;
process.stderr.write(`open311 bench servers ready on ${bench.reports} reports\n`);
announcePorts({
  platform: portOf(platform.server),
  bare: portOf(bare.server),
  reports: bench.reports,
  apiKey: key,
});

process.on('SIGTERM', () => {
  void (async () => {
    await platform.close();
    await bare.close();
    await pool?.end();
    await bench.close();
    process.exit(0);
  })();
});

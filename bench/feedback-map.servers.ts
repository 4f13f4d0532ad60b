/**
 * The servers of the map benchmark, on one database holding exactly MAP_REPORTS open
 * reports: the platform with its built web app (the public map at /phan-anh/ban-do), and a
 * bare Fastify serving the floor to compare with — one HTML page that loads MapLibre alone
 * and draws the same feed, read by the same query, in a clustered source with nothing else.
 * Writes `{"platform","bare","reports"}` to BENCH_PORTS_FILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { manifests } from '../src/parts';
import { feedbackDb, reportMapFeedJson } from '../src/modules/feedback';
import { announcePorts } from './harness';
import { openBenchDatabase } from './reports-database';

export const MAP_REPORTS = 10_000;
const WEB_DIR = path.resolve('dist/web');
const MAPLIBRE_DIR = path.resolve('node_modules/maplibre-gl/dist');
const MAPLIBRE_FILES = new Set(['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']);

const bench = await openBenchDatabase({ million: false });
const { ctx } = bench;

// Copies of the demo's reports, a few hundred metres from the original and received, with
// deadlines spread from three days late to a week ahead, until exactly MAP_REPORTS are open.
const open = await sql<{ n: string }>`
  SELECT count(*) AS n FROM feedback_report
  WHERE NOT hidden AND status IN ('new', 'received', 'in_progress')`.execute(ctx.db);
const missing = MAP_REPORTS - Number(open.rows[0]!.n);
if (missing < 0) throw new Error(`the demo data already has more than ${MAP_REPORTS} open reports`);
await sql`
  WITH src AS (
    SELECT row_number() OVER (ORDER BY id) - 1 AS i, * FROM feedback_report
  ), total AS (SELECT count(*) AS n FROM src)
  INSERT INTO feedback_report (tracking_code, category_code, status, agency_id, commune_code,
    location, lat, lon, address, description, source, submitted_at, updated_at, deadline_at)
  SELECT 'PB-' || lpad(g::text, 6, '0'), s.category_code, 'received', s.agency_id,
    s.commune_code, ST_SetSRID(ST_MakePoint(s.lon + d.dx, s.lat + d.dy), 4326)::geography,
    s.lat + d.dy, s.lon + d.dx, s.address, s.description, 'portal',
    now() - interval '2 days', now() - interval '1 day', now() + ((g % 10) - 3) * interval '1 day'
  FROM generate_series(0, ${missing - 1}::int) g
  JOIN src s ON s.i = g % (SELECT n FROM total)
  CROSS JOIN LATERAL (
    SELECT ((g * 7919) % 200 - 100) * 0.00002 AS dx, ((g * 104729) % 200 - 100) * 0.00002 AS dy
  ) d`.execute(ctx.db);

const platform = await buildApp({ ctx, manifests, webDir: WEB_DIR });
await platform.listen({ host: '127.0.0.1', port: 0 });

const BARE_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Bản đồ</title>
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body{margin:0;height:100%}#map{position:absolute;inset:0}</style>
</head><body><div id="map" data-loaded="false"></div>
<script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const feed = fetch('/feed').then((r) => r.json());
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f0' } }] },
  center: [107.3, 21.2], zoom: 8,
});
map.on('load', async () => {
  const data = await feed;
  map.addSource('r', { type: 'geojson', data, cluster: true, clusterRadius: 50 });
  map.addLayer({ id: 'c', type: 'circle', source: 'r', filter: ['has', 'point_count'],
    paint: { 'circle-radius': 18, 'circle-color': '#2a6f97' } });
  map.addLayer({ id: 'p', type: 'circle', source: 'r', filter: ['!', ['has', 'point_count']],
    paint: { 'circle-radius': 6, 'circle-color': '#c0392b' } });
  map.once('idle', () => {
    const el = document.getElementById('map');
    performance.mark('tinhso:reports-map-drawn');
    el.dataset.reportCount = String(data.features.length);
    el.dataset.loaded = 'true';
  });
});
</script></body></html>`;

const bare = Fastify();
bare.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(BARE_PAGE));
bare.get('/maplibre/:file', async (request, reply) => {
  const file = (request.params as { file: string }).file;
  if (!MAPLIBRE_FILES.has(file)) return reply.status(404).send();
  return reply
    .type(file.endsWith('.mjs') ? 'text/javascript' : 'text/css')
    .send(fs.readFileSync(path.join(MAPLIBRE_DIR, file)));
});
bare.get('/feed', async (_request, reply) =>
  reply
    .type('application/json; charset=utf-8')
    .send(await reportMapFeedJson(feedbackDb(ctx), { status: 'open' }, ctx.clock.now())),
);
await bare.listen({ host: '127.0.0.1', port: 0 });

const portOf = (server: typeof bare.server) => (server.address() as { port: number }).port;
announcePorts({
  platform: portOf(platform.server),
  bare: portOf(bare.server),
  reports: MAP_REPORTS,
});

process.on('SIGTERM', () => {
  void (async () => {
    await platform.close();
    await bare.close();
    await bench.close();
    process.exit(0);
  })();
});

/**
 * POST /open311/v2/requests.json (api key, validation, commune located from the point,
 * routing, deadline on the working calendar, reporter, history, audit, outbox, and an
 * Idempotency-Key on every request) against a bare Fastify + pg route doing one plain
 * INSERT of the same row. Interleaved rounds, compared pair by pair (harness, compareRounds).
 * Target: at least 40% of the bare route's requests per second, on PostgreSQL.
 *
 * On PGlite the figure is printed but judged against nothing: the database runs inside the
 * server's own thread, so both routes' SQL executes there and the ratio measures eight
 * inserts against one rather than the platform's work around them. The target names a
 * "pg route", a server reached over a connection, as in production.
 */
import { randomUUID } from 'node:crypto';
import { compareRounds, load, median, printResult, startServers } from './harness';

const CONNECTIONS = 10;
const onPostgres = Boolean(process.env.BENCH_DATABASE_URL);
const RATIO_TARGET = 0.4;
// Around the People's Committee of Hạ Long ward, within a few hundred metres.
const CENTRE = { lat: 20.9481, lon: 107.1168 };

function reports(path: string, apiKey: string) {
  let i = 0;
  return () => {
    const n = i++;
    const form = new URLSearchParams({
      api_key: apiKey,
      service_code: 'streetlight',
      lat: (CENTRE.lat + ((n % 21) - 10) * 0.0002).toFixed(6),
      long: (CENTRE.lon + ((n % 17) - 8) * 0.0002).toFixed(6),
      address_string: 'Đường Trần Hưng Đạo, phường Hạ Long',
      description: `Cột đèn số ${n} không sáng từ tối qua, đoạn đường rất tối.`,
      'attribute[lights_out]': 'one',
      email: `nguoidan${n % 500}@example.vn`,
      first_name: 'Lan',
      last_name: 'Nguyễn Thị',
    });
    return {
      path,
      body: form.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': randomUUID(),
      },
    };
  };
}

const servers = await startServers<{ platform: number; bare: number; apiKey: string }>(
  'open311.servers.ts',
);
const { platform: platformPort, bare: barePort, apiKey } = servers.ports;
const run = (port: number, path: string, seconds?: number) =>
  load({
    url: `http://127.0.0.1:${port}`,
    method: 'POST',
    connections: CONNECTIONS,
    seconds,
    next: reports(path, apiKey),
    // Open311 answers a created request with 200 and its id.
    expectStatus: 200,
  });

try {
  const { platform, ratio, platformRps, bareRps } = await compareRounds({
    warmUpSeconds: 3,
    bare: (seconds) => run(barePort, '/requests', seconds),
    platform: (seconds) => run(platformPort, '/open311/v2/requests.json', seconds),
  });
  printResult({
    bench: 'open311-post',
    connections: CONNECTIONS,
    platformRps: Math.round(platformRps),
    bareRps: Math.round(bareRps),
    ratio: Number(ratio.toFixed(3)),
    target: RATIO_TARGET,
    platformP95Ms: median(platform.map((r) => r.p95)),
    ...(onPostgres
      ? { pass: ratio >= RATIO_TARGET }
      : { pass: null, note: 'target judged on PostgreSQL (BENCH_DATABASE_URL)' }),
  });
} finally {
  servers.stop();
}

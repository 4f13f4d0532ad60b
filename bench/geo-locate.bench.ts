/**
 * GET /api/geo/locate against a bare Fastify route running the same PostGIS query on the
 * same database, measured with autocannon in the same run. The two are interleaved over
 * several rounds and the medians compared, so drift on a shared machine hits both alike.
 * Target: the platform reaches at least 70% of the bare route's requests per second.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const TARGET = 0.7;

// Points inside Quảng Ninh communes (each is PostGIS's ST_PointOnSurface of the unit):
// Hồng Gai, Hạ Long, Cẩm Phả, Móng Cái 1, Vân Đồn, Cô Tô, Uông Bí, Đông Triều.
const POINTS: Array<[number, number]> = [
  [20.9549, 107.0782],
  [20.9481, 107.1168],
  [21.0196, 107.2881],
  [21.4911, 107.9915],
  [21.1568, 107.4847],
  [21.2397, 107.9643],
  [21.0271, 106.7633],
  [21.0798, 106.4886],
];

function run(url: (lat: number, lon: number) => string, seconds = SECONDS): Promise<number> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: url(POINTS[0]![0], POINTS[0]![1]),
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            setupRequest: (request) => {
              const [lat, lon] = POINTS[i++ % POINTS.length]!;
              const target = new URL(url(lat, lon));
              return { ...request, path: target.pathname + target.search };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        if (result.non2xx > 0 || result.errors > 0) {
          return reject(new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`));
        }
        resolve(result.requests.average);
      },
    );
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const portsFile = path.join(os.tmpdir(), `tinhso-bench-ports-${process.pid}.json`);
fs.rmSync(portsFile, { force: true });
const servers = spawn(process.execPath, ['--import', 'tsx', 'bench/geo-locate.servers.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, BENCH_PORTS_FILE: portsFile },
});
let exited = false;
servers.once('exit', () => (exited = true));
while (!fs.existsSync(portsFile)) {
  if (exited) throw new Error('the benchmark servers exited before listening');
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const ports = JSON.parse(fs.readFileSync(portsFile, 'utf8')) as { platform: number; bare: number };
fs.rmSync(portsFile);
const platformUrl = (lat: number, lon: number) =>
  `http://127.0.0.1:${ports.platform}/api/geo/locate?lat=${lat}&lon=${lon}`;
const bareUrl = (lat: number, lon: number) =>
  `http://127.0.0.1:${ports.bare}/locate?lat=${lat}&lon=${lon}`;

try {
  // Warm both paths (query plans, JIT) before measuring.
  await run(bareUrl, 2);
  await run(platformUrl, 2);
  const platform: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bare.push(await run(bareUrl));
    platform.push(await run(platformUrl));
  }
  const ratio = median(platform) / median(bare);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'geo-locate',
      database: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
      platformRps: Math.round(median(platform)),
      bareRps: Math.round(median(bare)),
      ratio: Number(ratio.toFixed(3)),
      target: TARGET,
      pass: ratio >= TARGET,
    })}\n`,
  );
} finally {
  servers.kill('SIGTERM');
}

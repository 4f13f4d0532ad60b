/**
 * GET /api/geo/locate against a bare Fastify route running the same PostGIS query on the
 * same database, measured with autocannon in the same run: interleaved rounds, compared
 * pair by pair (harness, compareRounds).
 * Target: the platform reaches at least 70% of the bare route's requests per second.
 */
import { compareRounds, load, printResult, startServers, type LoadResult } from './harness';

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

function run(url: (lat: number, lon: number) => string, seconds?: number): Promise<LoadResult> {
  let i = 0;
  return load({
    url: url(POINTS[0]![0], POINTS[0]![1]),
    connections: CONNECTIONS,
    seconds,
    next: () => {
      const [lat, lon] = POINTS[i++ % POINTS.length]!;
      const target = new URL(url(lat, lon));
      return { path: target.pathname + target.search };
    },
  });
}

const servers = await startServers<{ platform: number; bare: number }>('geo-locate.servers.ts');
const { ports } = servers;
const platformUrl = (lat: number, lon: number) =>
  `http://127.0.0.1:${ports.platform}/api/geo/locate?lat=${lat}&lon=${lon}`;
const bareUrl = (lat: number, lon: number) =>
  `http://127.0.0.1:${ports.bare}/locate?lat=${lat}&lon=${lon}`;

try {
  const { ratio, platformRps, bareRps } = await compareRounds({
    warmUpSeconds: 2,
    bare: (seconds) => run(bareUrl, seconds),
    platform: (seconds) => run(platformUrl, seconds),
  });
  printResult({
    bench: 'geo-locate',
    platformRps: Math.round(platformRps),
    bareRps: Math.round(bareRps),
    ratio: Number(ratio.toFixed(3)),
    target: TARGET,
    pass: ratio >= TARGET,
  });
} finally {
  servers.stop();
}

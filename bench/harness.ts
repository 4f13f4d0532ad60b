/**
 * What every benchmark shares: starting its servers in a child process (so the load
 * generator and the servers do not share an event loop), driving them with autocannon, and
 * printing one JSON result line that bench/run.ts collects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { percentile } from './percentile';

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export const databaseLabel = () => (process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite');

export interface Servers<Ports> {
  ports: Ports;
  stop(): void;
}

/**
 * Runs `script` (a file under bench/) and waits for the ports it writes to BENCH_PORTS_FILE.
 * The ports go through a file because stdout carries the servers' request logs, which the
 * benchmark discards like a log shipper would rather than parse them.
 */
export async function startServers<Ports>(
  script: string,
  env: Record<string, string> = {},
): Promise<Servers<Ports>> {
  const portsFile = path.join(os.tmpdir(), `tinhso-bench-ports-${process.pid}-${Date.now()}.json`);
  fs.rmSync(portsFile, { force: true });
  // BENCH_PROFILE=1 writes a CPU profile of the servers to bench/.profiles, to see where a
  // slow route spends its time.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', path.resolve('bench/.profiles')]
    : [];
  const args = [...profile, '--import', 'tsx', `bench/${script}`];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, BENCH_PORTS_FILE: portsFile },
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!fs.existsSync(portsFile)) {
    if (exited) throw new Error(`${script} exited before listening`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The file is written in one call, but may be seen before its content lands.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ports = JSON.parse(fs.readFileSync(portsFile, 'utf8')) as Ports;
  fs.rmSync(portsFile);
  return { ports, stop: () => child.kill('SIGTERM') };
}

/** Called by a servers script once everything listens. */
export function announcePorts(ports: Record<string, number | string>): void {
  fs.writeFileSync(process.env.BENCH_PORTS_FILE!, JSON.stringify(ports));
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds?: number;
  method?: 'GET' | 'POST';
  /** Called for every request: its path (with query), and optionally body and headers. */
  next: () => { path: string; body?: string; headers?: Record<string, string> };
  /** Answers every request must have; anything else fails the run. */
  expectStatus?: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
}

/**
 * Drives the server flat out (every connection sends its next request as soon as the last
 * is answered: the most the server can do) and measures requests per second and latency
 * percentiles. For latency at a given offered rate, see paced-load. autocannon's
 * summary has p90 and p97.5 but no p95, so every response time is kept and sorted here.
 */
export function load(options: LoadOptions): Promise<LoadResult> {
  const expect = options.expectStatus ?? 200;
  return new Promise((resolve, reject) => {
    let wrongStatus = 0;
    const times: number[] = [];
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds ?? SECONDS,
        method: options.method ?? 'GET',
        requests: [
          {
            setupRequest: (request) => {
              const next = options.next();
              return {
                ...request,
                path: next.path,
                ...(next.body !== undefined ? { body: next.body } : {}),
                headers: { ...request.headers, ...next.headers },
              };
            },
            onResponse: (status) => {
              if (status !== expect) wrongStatus += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        if (wrongStatus > 0 || result.errors > 0 || result.timeouts > 0) {
          return reject(
            new Error(
              `${wrongStatus} answers other than ${expect}, ${result.errors} errors, ${result.timeouts} timeouts`,
            ),
          );
        }
        times.sort((a, b) => a - b);
        resolve({
          rps: result.requests.average,
          p50: percentile(times, 0.5),
          p95: percentile(times, 0.95),
          p99: percentile(times, 0.99),
          requests: times.length,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      times.push(ms);
    });
    instance.on('error', reject);
  });
}

export interface Comparison {
  platform: LoadResult[];
  bare: LoadResult[];
  /** The median of the rounds' ratios, platform rate over bare rate. */
  ratio: number;
  platformRps: number;
  bareRps: number;
}

/**
 * Warms both up, then measures the bare baseline and the platform in alternation, ROUNDS
 * pairs, and compares them pair by pair: each round's ratio is the platform's rate over the
 * bare route's rate measured seconds before it, and the result is the median of those
 * ratios. The machine is shared and its speed drifts within a run; the two runs of a pair
 * see nearly the same machine, so the drift cancels out of each ratio, where the medians of
 * the two sides would be taken at different moments.
 */
export async function compareRounds(options: {
  warmUpSeconds: number;
  bare: (seconds?: number) => Promise<LoadResult>;
  platform: (seconds?: number) => Promise<LoadResult>;
}): Promise<Comparison> {
  // Query plans, caches and the JIT settle before anything is measured.
  await options.bare(options.warmUpSeconds);
  await options.platform(options.warmUpSeconds);
  const bare: LoadResult[] = [];
  const platform: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bare.push(await options.bare());
    platform.push(await options.platform());
  }
  return {
    bare,
    platform,
    ratio: median(platform.map((result, round) => result.rps / bare[round]!.rps)),
    platformRps: median(platform.map((result) => result.rps)),
    bareRps: median(bare.map((result) => result.rps)),
  };
}

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function printResult(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...result, database: databaseLabel() })}\n`);
}

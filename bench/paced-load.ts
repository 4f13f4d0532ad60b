/**
 * An open-loop load: requests offered at an even rate over a fixed set of keep-alive
 * connections, as many independent clients produce, and the latency of each measured from
 * the moment it was due, not from the moment it was sent. A request that waits for a free
 * connection, or for a late timer, counts that wait against the server; the server cannot
 * hide slowness by slowing the client (no coordinated omission).
 *
 * autocannon's own rate option is not used for this: it lets every connection send its
 * share at the start of each second, so a hundred connections fire together once a second
 * and the figure measures that burst's queue rather than the time to serve a request.
 */
import http from 'node:http';
import type { LoadResult } from './harness';
import { percentile } from './percentile';

export interface PacedLoadOptions {
  url: string;
  connections: number;
  /** Requests per second offered, evenly spaced. */
  rate: number;
  seconds: number;
  next: () => { path: string };
  expectStatus?: number;
}

/** A GET read to its end; resolves with the status code. */
function get(agent: http.Agent, url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      })
      .on('error', reject);
  });
}

/** One untimed request per connection, all at once, so that every connection is open. */
async function openConnections(agent: http.Agent, options: PacedLoadOptions): Promise<void> {
  await Promise.all(
    Array.from({ length: options.connections }, () =>
      get(agent, `${options.url}${options.next().path}`),
    ),
  );
}

export async function pacedLoad(options: PacedLoadOptions): Promise<LoadResult> {
  const expect = options.expectStatus ?? 200;
  // First in, first out: the requests go round all the connections, as from that many
  // clients, rather than reusing the one that was freed last.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
    scheduling: 'fifo',
  });
  await openConnections(agent, options);
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const times: number[] = [];
  const failures: string[] = [];
  let sent = 0;
  let finished = 0;
  const start = performance.now();

  return new Promise<LoadResult>((resolve, reject) => {
    const settle = (): void => {
      finished += 1;
      if (finished < total) return;
      agent.destroy();
      if (failures.length > 0) {
        reject(new Error(`${failures.length} failed requests, first: ${failures[0]}`));
        return;
      }
      times.sort((a, b) => a - b);
      resolve({
        rps: total / ((performance.now() - start) / 1000),
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        p99: percentile(times, 0.99),
        requests: times.length,
      });
    };
    const send = (due: number): void => {
      get(agent, `${options.url}${options.next().path}`).then(
        (status) => {
          if (status === expect) times.push(performance.now() - due);
          else failures.push(`status ${status}`);
          settle();
        },
        (error: Error) => {
          failures.push(error.message);
          settle();
        },
      );
    };
    // Sends every request whose time has come, then sleeps until the next one is due.
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        send(start + sent * interval);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}

/**
 * Document exchange between two running platforms (bench/documents-exchange.servers.ts): the
 * office of the People's Committee of Quảng Ninh (instance A) issues BENCH_EXCHANGE_DOCUMENTS
 * (1,000) documents, each a signed and sealed 10-page PDF, to the People's Committee of Hải
 * Phòng (instance B). Each instance has its own database, its API on 127.0.0.1 and its outbox
 * worker polling as in production; each trusts the other's root and reaches the other with a
 * key the other issued, all configured through their APIs.
 *
 * The office issues in bursts: BENCH_EXCHANGE_BURST (10) documents every
 * BENCH_EXCHANGE_EVERY_MS (2,000), as a clerk sends out the documents the leaders signed,
 * one after another; open loop, so a burst is issued when it is due whether or not the ones
 * before it are through. A document's time runs from the moment its burst is due, through
 * queueing (the package built, sealed and committed), A's worker posting it to B, B checking
 * and registering it and queueing status 01, B's worker posting that back, to A recording it
 * (document_status_event.received_at, read on A's clock like the due time).
 *
 * Target (the issue): all documents delivered exactly once and acknowledged 01, p95 under
 * 2 s. Baseline, in the same run: the same signed packets, byte for byte, in the same
 * bursts, POSTed from A's process to a bare Fastify in B's that keeps each and answers, then
 * posts B's signed status packet for it back to a bare Fastify in A's, which keeps it: what
 * HTTP between the two processes costs alone. `ratio` is the platform's p95 over the
 * baseline's.
 */
import { median, printResult, startServers, type Servers } from './harness';
import { percentile } from './percentile';

const DOCUMENTS = Number(process.env.BENCH_EXCHANGE_DOCUMENTS ?? 1000);
const SCHEDULE = {
  burst: Number(process.env.BENCH_EXCHANGE_BURST ?? 10),
  everyMs: Number(process.env.BENCH_EXCHANGE_EVERY_MS ?? 2000),
};
/**
 * The baseline's bursts are the platform's, closer together: a bare burst is through in
 * milliseconds, long before the next one (checked below), so each document's time is what it
 * would be at the platform's pace, and the run is minutes shorter.
 */
const BARE_SCHEDULE = { burst: SCHEDULE.burst, everyMs: Math.min(SCHEDULE.everyMs, 500) };
const TARGET_P95_MS = 2000;
/** How long after the last burst is due the run waits for the last acknowledgement. */
const DRAIN_MS = 60_000;

interface Ports {
  platform: number;
  bare: number;
  control: number;
}

/** What A knows of one document, times in epoch milliseconds. */
interface Sent {
  dueAt: number;
  queuedAt: number | null;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
  acknowledgedAt: number | null;
  statusCode: string | null;
  state: string | null;
  receiptCode: string | null;
  attempts: number | null;
  packages: number;
  lastError: string | null;
}

async function call<T>(servers: Servers<Ports>, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${servers.ports.control}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Percentiles of the times; a document never acknowledged counts as infinitely late. */
function percentiles(times: readonly number[]) {
  const sorted = [...times].sort((x, y) => x - y);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: percentile(sorted, 1),
  };
}

const started = Date.now();
const [a, b] = await Promise.all([
  startServers<Ports>('documents-exchange.servers.ts', { BENCH_EXCHANGE_SIDE: 'a' }),
  startServers<Ports>('documents-exchange.servers.ts', { BENCH_EXCHANGE_SIDE: 'b' }),
]);

try {
  // Each trusts the other's root and routes the other's codes to it, with a key it issued.
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    await call(from, '/trust', await call<{ pem: string }>(to, '/root'));
    const { secret } = await call<{ secret: string }>(to, '/api-key', { name: 'Trục liên thông' });
    await call(from, '/peer', {
      baseUrl: `http://127.0.0.1:${to.ports.platform}`,
      bare: `http://127.0.0.1:${to.ports.bare}`,
      apiKey: secret,
    });
  }
  const { exchangeIds, pdfBytes } = await call<{ exchangeIds: string[]; pdfBytes: number }>(
    a,
    '/prepare',
    { count: DOCUMENTS },
  );
  process.stderr.write(
    `${DOCUMENTS} documents ready after ${Math.round((Date.now() - started) / 1000)} s; issuing ${SCHEDULE.burst} every ${SCHEDULE.everyMs} ms\n`,
  );

  // The platform.
  await call(a, '/run', SCHEDULE);
  const lastDue = Date.now() + Math.ceil(DOCUMENTS / SCHEDULE.burst) * SCHEDULE.everyMs;
  let progress = { queued: 0, acknowledged: 0, errors: [] as string[] };
  while (Date.now() < lastDue + DRAIN_MS) {
    await sleep(1000);
    progress = await call<typeof progress>(a, '/progress');
    if (progress.acknowledged >= DOCUMENTS || progress.errors.length > 0) break;
  }
  for (const error of progress.errors.slice(0, 5)) {
    process.stderr.write(`queueing failed: ${error}\n`);
  }
  // A copy still on its way would land after the count: give it time, then count.
  await sleep(2000);
  const { documents } = await call<{ documents: Sent[] }>(a, '/results');
  const received = await call<{
    rows: Array<{ exchangeId: string; incoming: number; packages: number }>;
    files: number;
  }>(b, '/received', { exchangeIds });
  for (const error of [...new Set(documents.map((d) => d.lastError).filter(Boolean))].slice(0, 5)) {
    process.stderr.write(`delivery error: ${error}\n`);
  }

  const acknowledged = documents.filter(
    (d) =>
      d.statusCode === '01' &&
      d.acknowledgedAt !== null &&
      d.state === 'delivered' &&
      d.receiptCode === '01' &&
      d.packages === 1,
  );
  const exactlyOnce = received.rows.filter((r) => r.incoming === 1 && r.packages === 1).length;
  const latencies = documents.map((d) =>
    acknowledged.includes(d) ? d.acknowledgedAt! - d.dueAt : Number.POSITIVE_INFINITY,
  );
  const platform = percentiles(latencies);
  // Where the time goes, the median of each stage: due → queued (built, sealed, committed)
  // → A's worker posting it → B's answer (B checked and registered it, queued 01) → A
  // recording status 01 (B's worker posted it).
  const stage = (from: (d: Sent) => number | null, to: (d: Sent) => number | null) =>
    percentile(
      acknowledged.map((d) => to(d)! - from(d)!).sort((x, y) => x - y),
      0.5,
    );
  const stagesMs = {
    queue: stage(
      (d) => d.dueAt,
      (d) => d.queuedAt,
    ),
    outboxA: stage(
      (d) => d.queuedAt,
      (d) => d.lastAttemptAt,
    ),
    postToB: stage(
      (d) => d.lastAttemptAt,
      (d) => d.deliveredAt,
    ),
    statusBack: stage(
      (d) => d.deliveredAt,
      (d) => d.acknowledgedAt,
    ),
  };
  const firstDue = Math.min(...documents.map((d) => d.dueAt));
  const lastAcknowledged = Math.max(...acknowledged.map((d) => d.acknowledgedAt!));

  // The baseline: B's status packets, byte for byte, answering A's document packets (those
  // that made the round trip, should some not have).
  const roundTrips = exchangeIds.filter((_, i) => acknowledged.includes(documents[i]!));
  await call(a, '/bare/load', { exchangeIds: roundTrips });
  await call(b, '/bare/load', { exchangeIds: roundTrips });
  await call(a, '/bare/run', BARE_SCHEDULE);
  const bareEnd =
    Date.now() + Math.ceil(roundTrips.length / BARE_SCHEDULE.burst) * BARE_SCHEDULE.everyMs;
  let bare = {
    dueAt: [] as number[],
    acknowledgedAt: [] as (number | null)[],
    errors: [] as string[],
  };
  while (Date.now() < bareEnd + DRAIN_MS) {
    await sleep(1000);
    bare = await call<typeof bare>(a, '/bare/results');
    if (bare.acknowledgedAt.every((at) => at !== null)) break;
  }
  const bareLatencies = bare.acknowledgedAt.map((at, i) =>
    at === null ? Number.POSITIVE_INFINITY : at - bare.dueAt[i]!,
  );
  if (bare.errors.length > 0 || bareLatencies.some((ms) => ms >= BARE_SCHEDULE.everyMs)) {
    throw new Error(
      `baseline: ${bare.errors.length} errors, a burst outlasting its interval: ${Math.max(...bareLatencies)} ms`,
    );
  }
  const baseline = percentiles(bareLatencies);

  printResult({
    bench: 'documents-exchange',
    documents: DOCUMENTS,
    burst: SCHEDULE.burst,
    everyMs: SCHEDULE.everyMs,
    pdfBytes,
    acknowledged: acknowledged.length,
    deliveredExactlyOnce: exactlyOnce,
    filesAtB: received.files,
    retried: documents.filter((d) => (d.attempts ?? 0) > 1).length,
    queueErrors: progress.errors.length,
    p50Ms: platform.p50,
    p95Ms: platform.p95,
    p99Ms: platform.p99,
    maxMs: platform.max,
    stagesMs,
    // Documents acknowledged per second, from the first due to the last acknowledged: the
    // offered rate when the platform keeps up.
    perSecond: Number((acknowledged.length / ((lastAcknowledged - firstDue) / 1000)).toFixed(2)),
    bareP50Ms: baseline.p50,
    bareP95Ms: baseline.p95,
    bareMaxMs: baseline.max,
    ratio: Number((platform.p95 / baseline.p95).toFixed(1)),
    medianRatio: Number((median(latencies) / median(bareLatencies)).toFixed(1)),
    seconds: Math.round((Date.now() - started) / 1000),
    target: TARGET_P95_MS,
    pass:
      platform.p95 < TARGET_P95_MS &&
      acknowledged.length === DOCUMENTS &&
      exactlyOnce === DOCUMENTS,
  });
} finally {
  a.stop();
  b.stop();
}

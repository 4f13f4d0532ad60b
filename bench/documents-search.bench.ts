/**
 * Register search over 2,000,000 documents (documents-database.ts): GET
 * /api/documents/outgoing and /api/documents/incoming of the provincial People's Committee,
 * the busiest registers of the province (about 235,000 documents of its own), as its clerk
 * signed in with the second factor uses them: the desk lists without search; the registers
 * paged (page 1 and deep pages); searched without diacritics ("ngap ung", "quyet dinh"), by
 * a notation fragment ("15/QĐ"), by a two-letter abbreviation ("QĐ"), by sender, and by
 * dates of issue or arrival, with and without words. Every kind of request takes its turn
 * with the next of a few variants, so that the database answers many distinct searches.
 *
 * The baseline measured in the same run is a bare Fastify route running the same SQL
 * statements (the module's own, compiled for the same filters) through `pg` or PGlite,
 * without session, validation, schema or logging. Requests are sent one at a time (a clerk
 * waits for the page before the next search), so the figure is the time to serve a search
 * on an otherwise idle server, not a queue; bare and platform alternate round by round, and
 * the ratio is the median of the rounds' platform p95 over bare p95.
 * Target: the platform's p95 over the whole mix under 100 ms, on each database.
 */
import { median, printResult, ROUNDS, startServers } from './harness';
import { percentile } from './percentile';

const TARGET_MS = 100;
/** Requests of each kind per side and round. */
const PER_KIND = Number(process.env.BENCH_SEARCH_PER_KIND ?? 6);

interface Ports {
  platform: number;
  bare: number;
  cookie: string;
  documents: number;
  /** Seconds the documents took to load in this run; -1 when a kept database was reused. */
  fillSeconds: number;
}

/** A kind of register request, and the query strings it cycles through. */
interface Kind {
  name: string;
  direction: 'outgoing' | 'incoming';
  variants: Array<Record<string, string>>;
}

const thisYear = new Date().getUTCFullYear();
const month = (year: number, m: number) => {
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` };
};
const register = (extra: Record<string, string> = {}) => ({ box: 'register', ...extra });

const KINDS: Kind[] = (['outgoing', 'incoming'] as const).flatMap((direction): Kind[] => [
  { name: 'desk', direction, variants: [{ box: 'all' }, { box: 'all', page: '2' }] },
  {
    // The console opens on every document of the agency, and searches there too.
    name: 'desk-words',
    direction,
    variants: ['ngap ung', 'quyet dinh', 'chuyen doi so'].map((q) => ({ box: 'all', q })),
  },
  { name: 'register', direction, variants: [register()] },
  {
    name: 'register-deep',
    direction,
    variants: ['500', '350', '200', '420'].map((page) => register({ page })),
  },
  {
    name: 'words',
    direction,
    variants: [
      'ngap ung',
      'quyet dinh',
      'giai phong mat bang',
      'chuyen doi so',
      'an toan thuc pham',
      direction === 'incoming' ? 'bo noi vu' : 'tiem chung',
      'Vịnh Hạ Long',
      'CAI CACH HANH CHINH',
    ].map((q) => register({ q })),
  },
  {
    name: 'notation',
    direction,
    variants: ['15/QĐ', '123/UBND', '/KH-UBND', '07/TB'].map((q) => register({ q })),
  },
  {
    name: 'short',
    direction,
    variants: ['QĐ', 'TB', 'kh'].map((q) => register({ q })),
  },
  {
    name: 'dates',
    direction,
    variants: [
      register(month(thisYear - 2, 3)),
      register(month(thisYear - 4, 10)),
      register(month(thisYear, 1)),
      register({ from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-06-30` }),
    ],
  },
  {
    name: 'words-dates',
    direction,
    variants: [
      register({
        q: 'giai phong mat bang',
        from: `${thisYear - 1}-01-01`,
        to: `${thisYear - 1}-06-30`,
      }),
      register({ q: 'ngap ung', ...month(thisYear - 3, 7) }),
      register({ q: 'quyet dinh', ...month(thisYear - 1, 11) }),
    ],
  },
]);

interface Sample {
  kind: string;
  ms: number;
}

/** The next request of every kind, in a fixed order, each with its next variant. */
function mixPaths(prefix: (direction: Kind['direction']) => string): () => Array<[string, string]> {
  let turn = 0;
  return () => {
    const paths = KINDS.map((kind): [string, string] => {
      const variant = kind.variants[turn % kind.variants.length]!;
      const query = new URLSearchParams(variant).toString();
      return [
        `${kind.direction}/${kind.name}`,
        `${prefix(kind.direction)}${query ? `?${query}` : ''}`,
      ];
    });
    turn += 1;
    return paths;
  };
}

async function get(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body}`);
  return JSON.parse(body) as unknown;
}

/** PER_KIND requests of every kind, one at a time, each timed from send to the last byte. */
async function measure(
  base: string,
  headers: Record<string, string>,
  next: () => Array<[string, string]>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < PER_KIND; i += 1) {
    for (const [kind, path] of next()) {
      const started = performance.now();
      await get(`${base}${path}`, headers);
      samples.push({ kind, ms: performance.now() - started });
    }
  }
  return samples;
}

const sorted = (samples: readonly Sample[]) => samples.map((s) => s.ms).sort((a, b) => a - b);

const servers = await startServers<Ports>('documents-search.servers.ts');
const { ports } = servers;
const platform = `http://127.0.0.1:${ports.platform}/api/documents/`;
const bare = `http://127.0.0.1:${ports.bare}/`;
const signedIn = { cookie: ports.cookie };
const platformPaths = mixPaths((direction) => direction);
const barePaths = mixPaths((direction) => direction);

try {
  // The platform and the bare route must answer the same pages with the same totals, or the
  // comparison means nothing; one pass over every variant also warms both up.
  const longest = Math.max(...KINDS.map((kind) => kind.variants.length));
  const checkPlatform = mixPaths((direction) => direction);
  const checkBare = mixPaths((direction) => direction);
  for (let turn = 0; turn < longest; turn += 1) {
    const ours = checkPlatform();
    const theirs = checkBare();
    for (let i = 0; i < ours.length; i += 1) {
      type Page = { items: Array<{ id: string }>; total: number; totalIsCapped: boolean };
      const a = (await get(`${platform}${ours[i]![1]}`, signedIn)) as Page;
      const b = (await get(`${bare}${theirs[i]![1]}`, {})) as Page;
      const same =
        a.total === b.total &&
        a.totalIsCapped === b.totalIsCapped &&
        a.items.map((item) => item.id).join() === b.items.map((item) => item.id).join();
      if (!same) throw new Error(`${ours[i]![1]}: the platform and the bare route disagree`);
      if (turn === 0 && process.env.BENCH_VERBOSE) {
        process.stderr.write(
          `${ours[i]![0]} ${ours[i]![1]}: ${a.total}${a.totalIsCapped ? '+' : ''}\n`,
        );
      }
    }
  }

  const rounds: Array<{ platform: Sample[]; bare: Sample[] }> = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const bareSamples = await measure(bare, {}, barePaths);
    const platformSamples = await measure(platform, signedIn, platformPaths);
    rounds.push({ platform: platformSamples, bare: bareSamples });
  }
  const all = (side: 'platform' | 'bare') => sorted(rounds.flatMap((round) => round[side]));
  const platformTimes = all('platform');
  const bareTimes = all('bare');
  const byKind: Record<string, number> = {};
  for (const kind of KINDS) {
    const name = `${kind.direction}/${kind.name}`;
    byKind[name] = percentile(
      sorted(rounds.flatMap((round) => round.platform.filter((s) => s.kind === name))),
      0.95,
    );
  }
  const ratio = median(
    rounds.map(
      (round) => percentile(sorted(round.platform), 0.95) / percentile(sorted(round.bare), 0.95),
    ),
  );
  const p95 = percentile(platformTimes, 0.95);
  printResult({
    bench: 'documents-search',
    documents: ports.documents,
    // Null when the filled database of an earlier run was reused.
    fillSeconds: ports.fillSeconds >= 0 ? ports.fillSeconds : null,
    requests: platformTimes.length,
    platformP50Ms: percentile(platformTimes, 0.5),
    platformP95Ms: p95,
    bareP50Ms: percentile(bareTimes, 0.5),
    bareP95Ms: percentile(bareTimes, 0.95),
    ratio: Number(ratio.toFixed(3)),
    p95ByKindMs: byKind,
    targetMs: TARGET_MS,
    pass: p95 < TARGET_MS,
  });
} finally {
  servers.stop();
}

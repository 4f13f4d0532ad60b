/**
 * The service-quality index (Decision 766/QĐ-TTg) of the whole province for the current
 * year, over BENCH_DOSSIERS (500,000) dossiers with their documents, fees, payments,
 * ratings and history (dossiers-database.ts): GET /api/dossiers/index?period=<year> as the
 * operations center's API key asks for it, every time on a platform of its own so the
 * reporting cache holds nothing (a cold computation: every count read from the tables).
 *
 * The baseline measured in the same run is a plain `count(*)` of the same year's dossiers
 * on the same connection: the least any answer about those rows costs. Baseline and
 * platform alternate round by round; the ratio is the median of the rounds' platform time
 * over baseline time. Target: the cold province index for the year in under 2 s.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { manifests } from '../src/parts';
import { generateApiKey, hashApiKey } from '../src/kernel/auth/api-keys';
import { median, printResult, ROUNDS } from './harness';
import { openDossiersDatabase } from './dossiers-database';

const TARGET_MS = 2000;
const PROVINCE_COMMITTEE = '000.00.00.H49';

const bench = await openDossiersDatabase({ poolSize: 5 });
const { ctx } = bench;
const period = String(bench.year);

// The operations center's key: `dossiers.report` on the provincial People's Committee.
const province = await ctx.db
  .selectFrom('agency')
  .select('id')
  .where('code', '=', PROVINCE_COMMITTEE)
  .executeTakeFirstOrThrow();
const { prefix, key } = generateApiKey();
await ctx.db
  .insertInto('apiKey')
  .values({
    prefix,
    secretHash: hashApiKey(key),
    name: 'Đo hiệu năng chỉ số 766',
    agencyId: province.id,
    scopes: ['dossiers.report'],
    createdBy: null,
    createdAt: new Date(),
    lastUsedAt: null,
    expiresAt: new Date(Date.now() + 3_600_000),
    revokedAt: null,
  })
  .execute();

interface IndexAnswer {
  period: { from: string; to: string };
  score: number | null;
  scope: { agencies: number };
  groups: Array<{ indicators: Array<{ code: string; denominator: number | null }> }>;
}

/** One cold computation through the platform: a fresh app and context, so a fresh cache. */
async function platformOnce(): Promise<{ ms: number; answer: IndexAnswer }> {
  const app = await buildApp({ ctx: { ...ctx }, manifests });
  await app.ready();
  try {
    const started = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: `/api/dossiers/index?period=${period}`,
      headers: { 'x-api-key': key },
    });
    const ms = performance.now() - started;
    if (res.statusCode !== 200)
      throw new Error(`the index answered ${res.statusCode}: ${res.body}`);
    return { ms, answer: res.json() };
  } finally {
    await app.close();
  }
}

let answer = (await platformOnce()).answer; // warms the plans and the buffer cache
const from = new Date(answer.period.from);
const to = new Date(answer.period.to);

async function baselineOnce(): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const row = await sql<{ n: string }>`
    SELECT count(*) AS n FROM dossier WHERE submitted_at >= ${from} AND submitted_at < ${to}`.execute(
    ctx.db,
  );
  return { ms: performance.now() - started, count: Number(row.rows[0]!.n) };
}

await baselineOnce();
const platformMs: number[] = [];
const baselineMs: number[] = [];
let counted = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  const base = await baselineOnce();
  const platform = await platformOnce();
  baselineMs.push(base.ms);
  platformMs.push(platform.ms);
  counted = base.count;
  answer = platform.answer;
}
const intake = answer.groups
  .flatMap((group) => group.indicators)
  .find((indicator) => indicator.code === 'progress_published')?.denominator;
if (intake !== counted) {
  throw new Error(`the index counted ${intake} dossiers in ${period}, count(*) ${counted}`);
}

const platform = median(platformMs);
printResult({
  bench: 'dossiers-index',
  dossiers: bench.dossiers,
  period,
  // Null when the filled database of an earlier run was reused.
  fillSeconds: bench.fillSeconds,
  agencies: answer.scope.agencies,
  score: answer.score,
  platformMs: Number(platform.toFixed(1)),
  baselineMs: Number(median(baselineMs).toFixed(1)),
  ratio: Number(median(platformMs.map((ms, i) => ms / baselineMs[i]!)).toFixed(2)),
  roundsMs: platformMs.map((ms) => Math.round(ms)),
  targetMs: TARGET_MS,
  pass: platform < TARGET_MS,
});
await bench.close();

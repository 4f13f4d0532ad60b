/**
 * The database of the service-quality index benchmark: the demo province (its agencies and
 * procedure catalog) and BENCH_DOSSIERS (500,000) dossiers over the current year, from
 * 1 January to yesterday in Vietnam, with what a year of a province's one-stop desks leaves
 * behind: the provincial service center receives a fifth of the dossiers, the 54 communes
 * the rest; about 55% come online where the procedure is offered online; documents (uploads,
 * reused ones, desk scans), fees and payments (VNPay online, cash at the desk), results
 * (most on file, many signed), the applicants' ratings of a quarter of the returned ones,
 * apologies for some late ones, and three to four history lines per dossier.
 *
 * Everything is generated inside the database (generate_series and hashes of the row
 * number, so every run makes the same rows), in one transaction with the tables' secondary
 * indexes dropped and rebuilt from the definitions the migrations gave them, then vacuumed.
 * The filled database is kept and reused by the next run: on PostgreSQL the scratch
 * database `tinhso_bench_dossiers` beside the one BENCH_DATABASE_URL names, on the embedded
 * database the directory `.cache/bench/dossiers-pglite`. One holding another number of
 * dossiers (an interrupted load, another BENCH_DOSSIERS, another year) is made afresh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql, type Kysely, type Transaction } from 'kysely';
import { loadConfig } from '../src/kernel/config/config';
import { openDatabase, type Database } from '../src/kernel/db/database';
import { migrateToLatest } from '../src/kernel/db/migrator';
import { createContext } from '../src/kernel/create-context';
import type { AppContext } from '../src/kernel/context';
import { runDemoSeedOnce, runReferenceSeeds } from '../src/kernel/seed/seeder';
import type { Manifest } from '../src/kernel/manifest';
import { manifests } from '../src/parts';
import { loadFeedbackCategories } from '../seed/feedback-categories';
import { loadFeedbackDemoReports } from '../seed/feedback-demo-reports';

export const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 500_000);
const PG_DATABASE = 'tinhso_bench_dossiers';
const PGLITE_DIR = path.resolve('.cache/bench/dossiers-pglite');
const TABLES = [
  'dossier',
  'dossier_document',
  'dossier_fee',
  'dossier_payment',
  'dossier_survey',
  'dossier_history',
  'dossier_apology',
];

export interface DossiersBenchDatabase {
  ctx: AppContext;
  database: Database;
  dossiers: number;
  /** The year loaded: the current one in Vietnam, when the database was filled. */
  year: number;
  /** Seconds the load took in this run; null when a kept database was reused. */
  fillSeconds: number | null;
  close(): Promise<void>;
}

/** The demo seed with a token number of citizen reports: this database is about dossiers. */
const demoManifests: Manifest[] = manifests.map((manifest) =>
  manifest.name === 'feedback'
    ? {
        ...manifest,
        seed: {
          ...manifest.seed,
          demo: async (ctx: AppContext) => {
            await loadFeedbackCategories(ctx.db);
            await loadFeedbackDemoReports(ctx.db, {
              now: ctx.clock.now(),
              calendar: ctx.config,
              count: 200,
            });
          },
        },
      }
    : manifest,
);

/** How many dossiers the database holds, and of which year; 0 when it has none yet. */
async function loaded(db: Kysely<any>): Promise<{ dossiers: number; year: number | null }> {
  try {
    const row = await sql<{ n: string; y: number | null }>`
      SELECT count(*) AS n,
        min(extract(year FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::int AS y
      FROM dossier`.execute(db);
    return { dossiers: Number(row.rows[0]!.n), year: row.rows[0]!.y };
  } catch {
    return { dossiers: 0, year: null };
  }
}

async function adminQuery(serverUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The scratch database's URL, created when missing (kept otherwise: the caller checks it). */
async function scratchUrl(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = `/${PG_DATABASE}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${PG_DATABASE}`);
  } finally {
    await client.end();
  }
  return url.toString();
}

/**
 * The dossiers, numbered 1…count in submission order, evenly over [start, end). For dossier
 * n, h1…h4 are independent hashes of n that pick its agency, procedure, channel and fate.
 */
async function fillDossiers(
  trx: Transaction<any>,
  count: number,
  start: Date,
  end: Date,
): Promise<void> {
  await sql`
    WITH center AS (SELECT id, code FROM agency WHERE kind = 'public_service_center' LIMIT 1),
    communes AS (
      SELECT id, code, (row_number() OVER (ORDER BY code))::int - 1 AS k
      FROM agency WHERE kind = 'commune_committee'
    ), commune_count AS (SELECT count(*)::int AS n FROM communes),
    procs AS (
      SELECT id, code, revision, receiving_agency_id IS NOT NULL AS at_center,
        (tthc -> 'CachThucThucHien') @> '[{"Kenh":"TRUC_TUYEN"}]'::jsonb AS online,
        (row_number() OVER (PARTITION BY receiving_agency_id IS NOT NULL ORDER BY code))::int - 1 AS k
      FROM procedure WHERE active
    ), proc_count AS (
      SELECT count(*) FILTER (WHERE at_center)::int AS center, count(*) FILTER (WHERE NOT at_center)::int AS commune
      FROM procs
    ),
    numbered AS (
      SELECT n,
        (hashint4(n * 7 + 1) & 2147483647) AS h1, (hashint4(n * 7 + 2) & 2147483647) AS h2,
        (hashint4(n * 7 + 3) & 2147483647) AS h3, (hashint4(n * 7 + 4) & 2147483647) AS h4,
        ${start}::timestamptz + (n - 1) * ((${end}::timestamptz - ${start}::timestamptz) / ${count}::int)
          AS submitted_at
      FROM generate_series(1, ${count}::int) AS n
    ),
    placed AS (
      SELECT x.*, x.h1 % 5 = 0 AS at_center,
        coalesce(c.id, (SELECT id FROM center)) AS agency_id,
        coalesce(c.code, (SELECT code FROM center)) AS agency_code
      FROM numbered x CROSS JOIN commune_count cc
      LEFT JOIN communes c ON x.h1 % 5 <> 0 AND c.k = (x.h1 / 5) % cc.n
    ),
    chosen AS (
      SELECT pl.*, p.id AS procedure_id, p.code AS procedure_code, p.revision, p.online AS offered_online
      FROM placed pl CROSS JOIN proc_count pc
      JOIN procs p ON p.at_center = pl.at_center
        AND p.k = pl.h2 % CASE WHEN pl.at_center THEN pc.center ELSE pc.commune END
    ),
    fate AS (
      SELECT c.*,
        CASE WHEN c.offered_online AND c.h3 % 100 < 55 THEN 'TRUC_TUYEN' ELSE 'TRUC_TIEP' END AS channel,
        c.h4 % 100 < 2 AS refused,
        c.submitted_at + interval '1 hour' AS received_at,
        c.submitted_at + interval '1 hour' + (3 + c.h3 % 10) * interval '1 day' AS due_at,
        -- Most finish within the time, about one in twelve after it.
        c.submitted_at + interval '1 hour'
          + CASE WHEN c.h4 % 12 = 0 THEN (4 + c.h3 % 10 + c.h2 % 5) ELSE (1 + (c.h2 % 100) * (2 + c.h3 % 10) / 100.0) END
            * interval '1 day' AS would_finish_at
      FROM chosen c
    )
    INSERT INTO dossier (id, code, procedure_id, procedure_code, procedure_revision,
      receiving_agency_id, channel, applicant_type, applicant_name, applicant_id_number,
      form_values, status, submitted_at, received_at, due_at, finished_at, paused_at,
      result_file_id, result_signed, created_at, updated_at)
    SELECT gen_random_uuid(),
      f.agency_code || '-' || to_char(f.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD')
        || '-' || lpad(f.n::text, 7, '0'),
      f.procedure_id, f.procedure_code, f.revision, f.agency_id, f.channel, 'CONG_DAN',
      'Nguyễn Văn Đo', 'sealed', 'sealed',
      CASE WHEN f.refused THEN 'refused'
           WHEN f.would_finish_at < now() THEN CASE WHEN f.h1 % 5 = 1 THEN 'resolved' ELSE 'returned' END
           WHEN f.h2 % 20 = 0 THEN 'supplement_requested'
           ELSE 'processing' END,
      f.submitted_at,
      CASE WHEN NOT f.refused THEN f.received_at END,
      CASE WHEN NOT f.refused THEN f.due_at END,
      CASE WHEN f.refused THEN f.received_at WHEN f.would_finish_at < now() THEN f.would_finish_at END,
      CASE WHEN NOT f.refused AND f.would_finish_at >= now() AND f.h2 % 20 = 0
           THEN f.received_at + interval '1 day' END,
      CASE WHEN NOT f.refused AND f.would_finish_at < now() AND f.h3 % 10 <> 0
           THEN (SELECT id FROM stored_file ORDER BY id LIMIT 1) END,
      NOT f.refused AND f.would_finish_at < now() AND f.h3 % 10 < 6,
      f.submitted_at, f.submitted_at
    FROM fate f
    ORDER BY f.n`.execute(trx);
}

/** Documents, fees, payments, ratings, apologies and history lines of the dossiers. */
async function fillDependents(trx: Transaction<any>): Promise<void> {
  // Two documents each: uploads online (one in five reusing an earlier document), scans at
  // the desk for seven dossiers in ten.
  await sql`
    INSERT INTO dossier_document (dossier_id, slot, stored_file_id, name, media_type, size, origin, added_at)
    SELECT d.id, 'GT' || s, (SELECT id FROM stored_file ORDER BY id LIMIT 1), 'giấy tờ.pdf',
      'application/pdf', 120000,
      CASE WHEN d.channel = 'TRUC_TIEP' THEN 'scan'
           WHEN s = 2 AND (hashtext(d.code) & 2147483647) % 5 = 0 THEN 'reuse' ELSE 'upload' END,
      d.submitted_at
    FROM dossier d CROSS JOIN generate_series(1, 2) AS s
    WHERE d.channel = 'TRUC_TUYEN' OR (hashtext(d.code) & 2147483647) % 10 < 7`.execute(trx);
  // Half the dossiers owe a fee (one in ten of those waived); the finished ones paid it,
  // online dossiers mostly through VNPay, desk ones in cash.
  await sql`
    WITH owed AS (
      SELECT d.id, d.code, d.channel, d.receiving_agency_id, d.submitted_at, d.finished_at,
        (hashtext(d.code || 'fee') & 2147483647) AS h
      FROM dossier d WHERE d.status <> 'refused' AND (hashtext(d.code || 'fee') & 2147483647) % 2 = 0
    ), paid AS (
      INSERT INTO dossier_payment (id, dossier_id, provider, method, agency_id, txn_ref, amount,
        status, created_at, paid_at)
      SELECT gen_random_uuid(), o.id,
        CASE WHEN o.channel = 'TRUC_TUYEN' AND o.h % 10 < 8 THEN 'vnpay' ELSE 'desk' END,
        CASE WHEN o.channel = 'TRUC_TUYEN' AND o.h % 10 < 8 THEN 'online' ELSE 'cash' END,
        o.receiving_agency_id, 'B' || o.code, 8000, 'paid', o.submitted_at,
        o.submitted_at + interval '2 hours'
      FROM owed o WHERE o.finished_at IS NOT NULL AND o.h % 20 >= 2
      RETURNING id, dossier_id, paid_at
    )
    INSERT INTO dossier_fee (dossier_id, schedule_index, kind, description, unit_amount, amount,
      status, assessed_at, paid_at, payment_id)
    SELECT o.id, 0, 'LE_PHI', 'Lệ phí', 8000, 8000,
      CASE WHEN p.id IS NOT NULL THEN 'paid' WHEN o.h % 20 < 2 THEN 'waived' ELSE 'due' END,
      o.submitted_at, p.paid_at, p.id
    FROM owed o LEFT JOIN paid p ON p.dossier_id = o.id`.execute(trx);
  // A quarter of the returned dossiers are rated, mostly well.
  await sql`
    INSERT INTO dossier_survey (dossier_id, answered_at, rating)
    SELECT d.id, d.finished_at + interval '1 day',
      (ARRAY[5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + (hashtext(d.code || 'r') & 2147483647) % 10]
    FROM dossier d
    WHERE d.status = 'returned' AND (hashtext(d.code || 's') & 2147483647) % 4 = 0`.execute(trx);
  // An apology for a third of the dossiers finished late.
  await sql`
    INSERT INTO dossier_apology (dossier_id, agency_id, issued_at, previous_due_at, new_due_at, reason)
    SELECT d.id, d.receiving_agency_id, d.due_at, d.due_at, d.due_at + interval '5 days',
      'Cần xác minh thêm'
    FROM dossier d
    WHERE d.finished_at > d.due_at AND (hashtext(d.code || 'a') & 2147483647) % 3 = 0`.execute(trx);
  // The timeline: submitted, received, and the current status; one in fifty dossiers'
  // last change is missing from it.
  await sql`
    INSERT INTO dossier_history (dossier_id, at, action, status, agency_id)
    SELECT d.id, l.at, l.status, l.status, d.receiving_agency_id
    FROM dossier d
    CROSS JOIN LATERAL (VALUES
      (1, d.submitted_at, 'submitted'),
      (2, d.received_at, 'received'),
      (3, coalesce(d.finished_at, d.paused_at, d.received_at + interval '1 hour'), d.status)
    ) AS l(k, at, status)
    WHERE l.at IS NOT NULL
      AND NOT (l.k = 3 AND l.status IN ('submitted', 'received'))
      AND NOT (l.k = 3 AND (hashtext(d.code || 'h') & 2147483647) % 50 = 0)
    ORDER BY l.at`.execute(trx);
}

async function fill(db: Kysely<any>, count: number, start: Date, end: Date, pglite: boolean) {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`SET LOCAL maintenance_work_mem = ${sql.lit(pglite ? '256MB' : '1GB')}`.execute(trx);
    // One stored file stands for every document and result: the figures count rows only.
    await sql`
      INSERT INTO stored_file (sha256, size, media_type, original_name, owner_type, owner_id, uploaded_by)
      VALUES (repeat('b', 64), 120000, 'application/pdf', 'giấy tờ.pdf', 'dossier', 'bench', 'bench')`.execute(
      trx,
    );
    const indexes = await sql<{ name: string; definition: string }>`
      SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.tablename IN (${sql.join(TABLES.map((table) => sql`${table}`))})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                        WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`.execute(
      trx,
    );
    for (const index of indexes.rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(trx);
    await fillDossiers(trx, count, start, end);
    process.stderr.write('  dossiers loaded\n');
    await fillDependents(trx);
    process.stderr.write('  documents, fees, payments, ratings and history loaded\n');
    for (const index of indexes.rows) await sql.raw(index.definition).execute(trx);
    process.stderr.write(`  ${indexes.rows.length} indexes built\n`);
  });
}

/** The current year in Vietnam, and its span from 1 January to the start of today. */
function yearSpan(now: Date): { year: number; start: Date; end: Date } {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const year = local.getUTCFullYear();
  const start = new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000);
  const end = new Date(Date.UTC(year, local.getUTCMonth(), local.getUTCDate()) - 7 * 3_600_000);
  return { year, start, end };
}

/** Opens (and on first use fills) the database of the index benchmark. */
export async function openDossiersDatabase(options: {
  poolSize: number;
}): Promise<DossiersBenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const url = serverUrl ? await scratchUrl(serverUrl) : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: url ?? '',
    FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const open = () =>
    url
      ? openDatabase({
          url,
          poolSize: options.poolSize,
          prepareThreshold: config.databasePrepareThreshold,
        })
      : openDatabase({ pgliteDir: PGLITE_DIR });

  const { year, start, end } = yearSpan(new Date());
  let database = await open();
  const kept = await loaded(database.db);
  if (kept.dossiers !== DOSSIERS || kept.year !== year) {
    await database.close();
    if (serverUrl) {
      await adminQuery(serverUrl, [
        `DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`,
        `CREATE DATABASE ${PG_DATABASE}`,
      ]);
    } else {
      fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
    }
    database = await open();
  }
  await migrateToLatest(database.db, manifests);
  const ctx = await createContext({ config, database });
  await runReferenceSeeds(ctx, manifests);
  await runDemoSeedOnce(ctx, demoManifests);

  let fillSeconds: number | null = null;
  if ((await loaded(ctx.db)).dossiers < DOSSIERS) {
    process.stderr.write(`loading ${DOSSIERS} dossiers…\n`);
    const started = Date.now();
    await fill(ctx.db, DOSSIERS, start, end, !serverUrl);
    // Hint bits, the visibility map and statistics, as on a database that has lived a while.
    await sql`VACUUM (ANALYZE)`.execute(ctx.db);
    fillSeconds = Math.round((Date.now() - started) / 1000);
    process.stderr.write(`dossiers loaded in ${fillSeconds} s\n`);
  }
  // Statistics as autovacuum keeps them (the embedded database has none), also of the
  // indexes a migration may have just built on the kept rows.
  await sql`ANALYZE ${sql.raw(TABLES.join(', '))}`.execute(ctx.db);
  return {
    ctx,
    database,
    dossiers: (await loaded(ctx.db)).dossiers,
    year,
    fillSeconds,
    close: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

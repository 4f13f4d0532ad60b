/**
 * One platform instance of the document-exchange benchmark, as a province runs it: its own
 * database (a fresh PGlite directory, or a fresh database `tinhso_bench_exchange_<side>` on
 * BENCH_DATABASE_URL's server), the API listening on 127.0.0.1, and the outbox worker and the
 * scheduler running in the same process, polling, as `tinhso start` runs them.
 * BENCH_EXCHANGE_SIDE says which province it is:
 *
 * - `a`, Quảng Ninh (H49): its provincial office (Văn phòng UBND tỉnh, 000.00.01.H49) issues
 *   the documents, a signed and sealed PDF each;
 * - `b`, Hải Phòng (H31): its People's Committee (000.00.00.H31) receives them and answers
 *   status 01.
 *
 * Beside the platform, in the same process, it runs:
 *
 * - a bare Fastify that stores each body it is POSTed and answers, and for the baseline
 *   posts the matching status packet back to the other side's bare server;
 * - a control server for the benchmark (never part of the platform): peers configured
 *   through the platform's own API by a province administrator signed in with password and
 *   authenticator code, documents written into the register, the issuing schedule run here
 *   (so that the time a document is due and the time it is acknowledged are read on one
 *   clock), and the results read from the database.
 *
 * Writes `{"platform","bare","control"}` to BENCH_PORTS_FILE.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify, { type InjectOptions } from 'fastify';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/app';
import { manifests } from '../src/parts';
import { loadConfig } from '../src/kernel/config/config';
import { openDatabase } from '../src/kernel/db/database';
import { migrateToLatest } from '../src/kernel/db/migrator';
import { createContext } from '../src/kernel/create-context';
import { runReferenceSeeds } from '../src/kernel/seed/seeder';
import { insertAgency } from '../src/kernel/agencies/agencies.queries';
import { base32Decode, base32Encode } from '../src/kernel/auth/base32';
import { fieldCipher } from '../src/kernel/auth/field-crypto';
import { hashPassword } from '../src/kernel/auth/passwords';
import { sessionCookieName } from '../src/kernel/auth/session-cookie';
import { totp } from '../src/kernel/auth/totp';
import { insertUser, replaceUserRoles, updateUser } from '../src/kernel/auth/users.queries';
import { collectHandlers, startWorker } from '../src/kernel/events';
import { collectJobs, startScheduler } from '../src/kernel/jobs';
import { demoSealPng, demoSignaturePng } from '../src/kernel/signing/appearance';
import { loadKeystore } from '../src/kernel/signing/keystores';
import { signPdf } from '../src/kernel/signing/pades-sign';
import { chairmanBlock, samplePdf } from '../src/kernel/signing/sample-pdf.test-support';
import {
  issueDemoKeystore,
  seedDemoCertificateAuthority,
} from '../src/kernel/signing/signing.seed';
import { insertStoredFile } from '../src/kernel/storage/storage.queries';
import { queueDocumentPackages } from '../src/modules/documents';
import { announcePorts } from './harness';

// The servers never outlive the benchmark, even one killed before it could stop them.
const parent = process.ppid;
let onOrphaned = (): void => process.exit(1);
setInterval(() => {
  if (process.ppid !== parent) onOrphaned();
}, 1000).unref();

type Side = 'a' | 'b';
const side = process.env.BENCH_EXCHANGE_SIDE as Side;
if (side !== 'a' && side !== 'b') throw new Error('BENCH_EXCHANGE_SIDE must be a or b');

const PROVINCES = {
  a: {
    province: { code: '000.00.00.H49', name: 'UBND tỉnh Quảng Ninh' },
    office: { code: '000.00.01.H49', name: 'Văn phòng UBND tỉnh Quảng Ninh' },
    /** The codes of the other province, routed to the other instance. */
    peerPattern: '%.H31',
  },
  b: {
    province: { code: '000.00.00.H31', name: 'UBND thành phố Hải Phòng' },
    office: { code: '000.00.01.H31', name: 'Văn phòng UBND thành phố Hải Phòng' },
    peerPattern: '%.H49',
  },
} as const;
const here = PROVINCES[side];
const RECIPIENT = PROVINCES.b.province;

// ---------------------------------------------------------------- database and context

async function freshDatabaseUrl(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tinhso-bench-exchange-${side}-`));
const url = serverUrl ? await freshDatabaseUrl(serverUrl, `tinhso_bench_exchange_${side}`) : '';
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  DATABASE_URL: url,
  FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  RATE_LIMIT_PER_MINUTE: '1000000',
  // Every request logs its access line, as in production.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});
const database = url
  ? await openDatabase({
      url,
      poolSize: config.databasePoolSize,
      prepareThreshold: config.databasePrepareThreshold,
    })
  : await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
await migrateToLatest(database.db, manifests);
const ctx = await createContext({ config, database });
await runReferenceSeeds(ctx, manifests);
const db = ctx.db as unknown as Kysely<any>;

// ---------------------------------------------------------------- agencies, seals, people

const province = await insertAgency(ctx.db, { ...here.province, kind: 'province_committee' });
const office = await insertAgency(ctx.db, {
  ...here.office,
  kind: 'department',
  parentId: province.id,
});
await seedDemoCertificateAuthority(ctx);
const sealIds: Record<string, string> = {};
for (const agency of [
  { id: province.id, name: here.province.name },
  { id: office.id, name: here.office.name },
]) {
  sealIds[agency.id] = await issueDemoKeystore(ctx, {
    holderKind: 'seal',
    agencyId: agency.id,
    subject: { commonName: `Con dấu ${agency.name}`, organization: agency.name },
    appearanceImage: await demoSealPng(agency.name),
  });
}

async function staff(email: string, agencyId: string, role: string, secret?: string) {
  const password = randomBytes(12).toString('base64url');
  const now = ctx.clock.now();
  const id = await insertUser(ctx.db, {
    type: 'staff',
    email,
    phone: null,
    fullName: role === 'province_admin' ? 'Quản trị hệ thống' : 'Nguyễn Văn Hùng',
    passwordHash: await hashPassword(password),
    agencyId,
    createdAt: now,
    updatedAt: now,
  });
  await replaceUserRoles(ctx.db, id, [{ role, agencyId }], null);
  if (secret) {
    await updateUser(ctx.db, id, {
      totpSecret: fieldCipher(ctx.config).encrypt(
        base32Decode(secret),
        `app_user.totp_secret:${id}`,
      ),
      totpEnabledAt: now,
    });
  }
  return { id, email, password };
}

const adminSecret = base32Encode(randomBytes(20));
const admin = await staff(
  `quantri.${side}@bench.example`,
  province.id,
  'province_admin',
  adminSecret,
);
const clerk = await staff(`vanthu.${side}@bench.example`, office.id, 'clerk');

// ---------------------------------------------------------------- platform, worker, scheduler

const platform = await buildApp({ ctx, manifests });
await platform.listen({ host: '127.0.0.1', port: 0 });
const worker = startWorker(ctx, collectHandlers(manifests));
const scheduler = startScheduler(ctx, collectJobs(manifests));

/**
 * A call to the platform's API. A machine busy starting two platforms at once may make the
 * platform shed load (503 with Retry-After): the call is made again, built afresh (a new
 * authenticator code), after that time.
 */
async function inject(build: () => InjectOptions) {
  for (;;) {
    const res = await platform.inject(build());
    if (res.statusCode !== 503) return res;
    const seconds = Number(res.headers['retry-after'] ?? 1);
    await new Promise((resolve) => setTimeout(resolve, 1000 * seconds));
  }
}

const origin = new URL(ctx.config.publicUrl).origin;
const cookieName = sessionCookieName(ctx.config);
const login = await inject(() => ({
  method: 'POST',
  url: '/api/auth/login',
  headers: { origin },
  payload: { identifier: admin.email, password: admin.password },
}));
const pending = login.cookies.find((c) => c.name === cookieName)?.value;
if (login.statusCode !== 200 || !pending) throw new Error(`sign-in failed: ${login.body}`);
const verified = await inject(() => ({
  method: 'POST',
  url: '/api/auth/mfa/verify',
  headers: { origin, cookie: `${cookieName}=${pending}` },
  payload: { code: totp(base32Decode(adminSecret), new Date()) },
}));
const session = verified.cookies.find((c) => c.name === cookieName)?.value;
if (verified.statusCode !== 200 || !session) throw new Error(`MFA failed: ${verified.body}`);
const adminHeaders = { origin, cookie: `${cookieName}=${session}` };

/** The administrator's call to the platform's API; anything but `expect` is an error. */
async function asAdmin(method: 'POST', url: string, payload: object, expect = 201) {
  const res = await inject(() => ({ method, url, headers: adminHeaders, payload }));
  if (res.statusCode !== expect) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

// ---------------------------------------------------------------- documents (side a)

interface Prepared {
  outgoingId: string;
  exchangeId: string;
}
let prepared: Prepared[] = [];
let pdfBytes = 0;

/**
 * A 10-page công văn signed by the chairman (visible Decree 30 block) and sealed by the
 * office, as the issue workflow produces it. Each document gets its own bytes (a PDF comment
 * after %%EOF carrying its number), so neither side's content-addressed storage can keep one
 * copy for all; the exchange does not verify the PDF's signatures, only the package's.
 */
async function signedSample(): Promise<Buffer> {
  const chairman = await staff(`chutich.${side}@bench.example`, office.id, 'leader');
  const signerId = await issueDemoKeystore(ctx, {
    holderKind: 'person',
    userId: chairman.id,
    subject: { commonName: 'Nguyễn Văn Hùng', organization: here.office.name },
    appearanceImage: await demoSignaturePng('Nguyễn Văn Hùng'),
  });
  const signer = (await loadKeystore(ctx, ctx.db, signerId))!;
  const seal = (await loadKeystore(ctx, ctx.db, sealIds[office.id]!))!;
  const block = await chairmanBlock(await demoSignaturePng('Nguyễn Văn Hùng'));
  const pdf = await samplePdf(10, { lastPageLines: 12 });
  const signed = await signPdf(pdf, {
    identity: signer.identity,
    signingTime: new Date(),
    appearance: block.appearance,
    pageIndex: 9,
  });
  return signPdf(signed, { identity: seal.identity, signingTime: new Date() });
}

/** Issued, numbered outgoing documents of the office to B's People's Committee. */
async function prepare(count: number): Promise<void> {
  const base = await signedSample();
  pdfBytes = base.length;
  const register = await db
    .insertInto('documentRegister')
    .values({ agencyId: office.id, direction: 'outgoing', code: 'VBDI', name: 'Sổ văn bản đi' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const promulgatedOn = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.config.timezone }).format(
    now,
  );
  prepared = [];
  for (let n = 1; n <= count; n++) {
    const notation = `${String(n).padStart(2, '0')}/UBND-VP`;
    const stored = await ctx.files.put(
      Buffer.concat([base, Buffer.from(`\n% văn bản số ${notation}\n`)]),
    );
    const outgoingId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('documentOutgoing')
        .values({
          agencyId: office.id,
          status: 'issued',
          typeAbbreviation: null,
          typeName: 'Công văn',
          draftingUnit: 'VP',
          subject: `V/v phối hợp quản lý vùng giáp ranh giữa hai tỉnh, thành phố (đợt ${n})`,
          body: 'Đề nghị các cơ quan phối hợp triển khai.',
          toPlaces: [RECIPIENT.name, 'Lưu: VT'],
          urgency: 'normal',
          secrecy: 'normal',
          placeName: 'Quảng Ninh',
          signerCompetence: 'TM. ỦY BAN NHÂN DÂN',
          signerPosition: 'CHỦ TỊCH',
          signerName: 'Nguyễn Văn Hùng',
          draftedBy: clerk.id,
          registerId: register.id,
          year: Number(promulgatedOn.slice(0, 4)),
          number: n,
          codeNotation: 'UBND-VP',
          notation,
          promulgatedOn,
          signedAt: now,
          issuedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const file = await insertStoredFile(trx, {
        sha256: stored.sha256,
        size: stored.size,
        mediaType: 'application/pdf',
        originalName: `${notation.replace('/', '_')}.pdf`,
        ownerType: 'document_outgoing',
        ownerId: row.id,
        agencyId: office.id,
        uploadedBy: clerk.id,
        createdAt: now,
      });
      await trx
        .insertInto('documentFile')
        .values({
          outgoingId: row.id,
          incomingId: null,
          role: 'signed',
          storedFileId: file.id,
          name: file.originalName,
          mediaType: 'application/pdf',
          size: stored.size,
          createdAt: now,
        })
        .execute();
      await trx
        .insertInto('documentRecipient')
        .values({ outgoingId: row.id, organId: RECIPIENT.code, organName: RECIPIENT.name })
        .execute();
      return row.id as string;
    });
    prepared.push({
      outgoingId,
      exchangeId: `${here.office.code},${promulgatedOn.replaceAll('-', '/')},${notation}`,
    });
  }
}

// ---------------------------------------------------------------- the issuing schedule

interface Schedule {
  burst: number;
  everyMs: number;
}

/**
 * Bursts of `burst` documents every `everyMs`, open loop: each burst starts when it is due
 * even if the one before is still being issued. Within a burst the clerk issues the
 * documents one after another. Every document's clock starts when its burst is due.
 */
function runSchedule(
  count: number,
  schedule: Schedule,
  issue: (index: number) => Promise<void>,
): { dueAt: number[]; done: Promise<void> } {
  const dueAt: number[] = [];
  const bursts: Promise<void>[] = [];
  const start = Date.now() + 100;
  for (let first = 0, k = 0; first < count; first += schedule.burst, k++) {
    const due = start + k * schedule.everyMs;
    const last = Math.min(count, first + schedule.burst);
    for (let i = first; i < last; i++) dueAt[i] = due;
    bursts.push(
      new Promise<void>((resolve) => setTimeout(resolve, due - Date.now())).then(async () => {
        for (let i = first; i < last; i++) await issue(i);
      }),
    );
  }
  return { dueAt, done: Promise.all(bursts).then(() => undefined) };
}

let platformRun: { dueAt: number[]; queuedAt: number[]; errors: string[] } | null = null;

function startPlatformRun(schedule: Schedule): void {
  const queuedAt: number[] = [];
  const errors: string[] = [];
  const run = runSchedule(prepared.length, schedule, async (i) => {
    try {
      await db
        .transaction()
        .execute((trx) =>
          queueDocumentPackages(
            ctx,
            trx as unknown as Parameters<typeof queueDocumentPackages>[1],
            prepared[i]!.outgoingId,
            { type: 'new' },
          ),
        );
      queuedAt[i] = Date.now();
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  });
  platformRun = { dueAt: run.dueAt, queuedAt, errors };
  run.done.catch((error: unknown) => errors.push(String(error)));
}

/** What A's registers say about each document: delivered, receipt, status 01 and when. */
async function platformResults() {
  const rows = await sql<{
    outgoingId: string;
    statusCode: string | null;
    acknowledgedAt: Date | null;
    state: string | null;
    receiptCode: string | null;
    attempts: number | null;
    packages: number;
    lastAttemptAt: Date | null;
    deliveredAt: Date | null;
    lastError: string | null;
  }>`
    SELECT o.id AS "outgoingId", r.status_code AS "statusCode",
      p.last_attempt_at AS "lastAttemptAt", p.delivered_at AS "deliveredAt",
      p.last_error AS "lastError",
      (SELECT min(e.received_at) FROM document_status_event e
        WHERE e.outgoing_id = o.id AND e.organ_id = r.organ_id AND e.status_code = '01')
        AS "acknowledgedAt",
      p.state, p.receipt_code AS "receiptCode", p.attempts,
      (SELECT count(*)::int FROM exchange_package q
        WHERE q.outgoing_id = o.id AND q.direction = 'out' AND q.kind = 'document') AS packages
    FROM document_outgoing o
    JOIN document_recipient r ON r.outgoing_id = o.id
    LEFT JOIN exchange_package p
      ON p.outgoing_id = o.id AND p.direction = 'out' AND p.kind = 'document'`.execute(db);
  const byId = new Map(rows.rows.map((row) => [row.outgoingId, row]));
  const ms = (at: Date | null | undefined) => (at ? new Date(at).getTime() : null);
  return prepared.map((doc, i) => {
    const row = byId.get(doc.outgoingId);
    return {
      lastAttemptAt: ms(row?.lastAttemptAt),
      deliveredAt: ms(row?.deliveredAt),
      dueAt: platformRun?.dueAt[i] ?? null,
      queuedAt: platformRun?.queuedAt[i] ?? null,
      acknowledgedAt: ms(row?.acknowledgedAt),
      statusCode: row?.statusCode ?? null,
      state: row?.state ?? null,
      receiptCode: row?.receiptCode ?? null,
      attempts: row?.attempts ?? null,
      packages: row?.packages ?? 0,
      lastError: row?.lastError ?? null,
    };
  });
}

/** On B: how many incoming documents and accepted packages each exchange id made here. */
async function receivedHere(exchangeIds: string[]) {
  const rows = await sql<{ exchangeId: string; incoming: number; packages: number }>`
    SELECT x.id AS "exchangeId",
      (SELECT count(*)::int FROM document_incoming i
        WHERE i.exchange_id = x.id AND i.agency_id = ${province.id}) AS incoming,
      (SELECT count(*)::int FROM exchange_package p
        WHERE p.exchange_id = x.id AND p.direction = 'in' AND p.kind = 'document'
          AND p.state = 'accepted') AS packages
    FROM unnest(${exchangeIds}::text[]) AS x(id)`.execute(db);
  const files = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM document_file f JOIN document_incoming i ON i.id = f.incoming_id
    WHERE i.agency_id = ${province.id}`.execute(db);
  return { rows: rows.rows, files: files.rows[0]!.n };
}

// ---------------------------------------------------------------- the bare baseline

/**
 * The same bytes over the same kind of connection (a new one per packet, as the platform's
 * delivery opens), to a Fastify with no plugins that keeps the body and answers. On B it
 * then posts the status packet B's platform signed for that document back to A's bare
 * server, which keeps it and notes the time: the round trip without any of the platform's
 * work (outbox, signature, trust, parsing, registers).
 */
let peerBareUrl = '';
let bareOut: string[] = [];
const kept: Buffer[] = [];
let bareAckedAt: number[] = [];

function post(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          'content-length': String(body.length),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const bare = Fastify();
bare.addContentTypeParser(
  ['application/xml', 'text/xml'],
  { parseAs: 'buffer', bodyLimit: 64 * 1_048_576 },
  (_request, body, done) => done(null, body),
);
bare.post('/packages', async (request, reply) => {
  kept.push(request.body as Buffer);
  const index = Number(request.headers['x-bench-index']);
  if (side === 'a') bareAckedAt[index] = Date.now();
  else {
    const status = bareOut[index]!;
    reply.raw.once('finish', () => {
      void post(peerBareUrl, Buffer.from(status, 'utf8'), { 'x-bench-index': String(index) });
    });
  }
  return reply.code(202).send({ statusCode: '01' });
});
await bare.listen({ host: '127.0.0.1', port: 0 });

let bareRun: { dueAt: number[]; errors: string[] } | null = null;

function startBareRun(schedule: Schedule): void {
  const errors: string[] = [];
  bareAckedAt = [];
  const run = runSchedule(bareOut.length, schedule, async (i) => {
    try {
      const status = await post(peerBareUrl, Buffer.from(bareOut[i]!, 'utf8'), {
        'x-bench-index': String(i),
      });
      if (status !== 202) errors.push(`HTTP ${status}`);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  });
  bareRun = { dueAt: run.dueAt, errors };
  run.done.catch((error: unknown) => errors.push(String(error)));
}

/** The signed packets this platform sent for the given exchange ids, in their order. */
async function outPackets(kind: 'document' | 'status', exchangeIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('exchangePackage')
    .select(['exchangeId', 'xml'])
    .where('direction', '=', 'out')
    .where('kind', '=', kind)
    .where('exchangeId', 'in', exchangeIds)
    .execute();
  const xml = new Map(rows.map((row) => [row.exchangeId as string, row.xml as string]));
  return exchangeIds.map((id) => {
    const found = xml.get(id);
    if (!found) throw new Error(`no ${kind} packet for ${id}`);
    return found;
  });
}

// ---------------------------------------------------------------- control

const control = Fastify({ bodyLimit: 16 * 1_048_576 });
control.get('/root', async () => {
  const row = await db
    .selectFrom('signingTrustedRoot')
    .select('certificate')
    .where('addedBy', '=', 'demo-seed')
    .executeTakeFirstOrThrow();
  const lines = Buffer.from(row.certificate as Uint8Array)
    .toString('base64')
    .match(/.{1,64}/g)!;
  return { pem: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n` };
});
control.post('/trust', async (request) => {
  const { pem } = request.body as { pem: string };
  await asAdmin('POST', '/api/signing/roots', { pem });
  return { ok: true };
});
control.post('/api-key', async (request) => {
  const { name } = request.body as { name: string };
  const key = await asAdmin('POST', '/api/admin/api-keys', {
    name,
    agencyId: province.id,
    scopes: ['documents.exchange'],
  });
  return { secret: key.secret as string };
});
control.post('/peer', async (request) => {
  const { baseUrl, apiKey, bare: peerBare } = request.body as Record<string, string>;
  await asAdmin('POST', '/api/exchange/peers', {
    name: `Hệ thống ${here.peerPattern}`,
    baseUrl,
    organPatterns: [here.peerPattern],
    apiKey,
  });
  peerBareUrl = `${peerBare}/packages`;
  return { ok: true };
});
control.post('/prepare', async (request) => {
  await prepare((request.body as { count: number }).count);
  return { exchangeIds: prepared.map((p) => p.exchangeId), pdfBytes };
});
control.post('/run', async (request) => {
  startPlatformRun(request.body as Schedule);
  return { ok: true };
});
control.get('/progress', async () => {
  const row = await sql<{ acknowledged: number }>`
    SELECT count(*)::int AS acknowledged FROM document_recipient WHERE status_code IS NOT NULL`.execute(
    db,
  );
  return {
    queued: platformRun?.queuedAt.filter(Boolean).length ?? 0,
    acknowledged: row.rows[0]!.acknowledged,
    errors: platformRun?.errors ?? [],
  };
});
control.get('/results', async () => ({ documents: await platformResults() }));
control.post('/received', async (request) => {
  return receivedHere((request.body as { exchangeIds: string[] }).exchangeIds);
});
control.post('/bare/load', async (request) => {
  const { exchangeIds } = request.body as { exchangeIds: string[] };
  bareOut = await outPackets(side === 'a' ? 'document' : 'status', exchangeIds);
  return { bytes: bareOut.reduce((sum, xml) => sum + Buffer.byteLength(xml), 0) };
});
control.post('/bare/run', async (request) => {
  startBareRun(request.body as Schedule);
  return { ok: true };
});
control.get('/bare/results', async () => ({
  dueAt: bareRun?.dueAt ?? [],
  acknowledgedAt: bareOut.map((_, i) => bareAckedAt[i] ?? null),
  errors: bareRun?.errors ?? [],
  kept: kept.length,
}));
await control.listen({ host: '127.0.0.1', port: 0 });

const portOf = (server: typeof bare.server) => (server.address() as { port: number }).port;
process.stderr.write(`exchange bench instance ${side} ready\n`);
announcePorts({
  platform: portOf(platform.server),
  bare: portOf(bare.server),
  control: portOf(control.server),
});

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await worker.stop();
    await scheduler.stop();
    await control.close();
    await bare.close();
    await platform.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (serverUrl) {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS tinhso_bench_exchange_${side} WITH (FORCE)`);
      await client.end();
    }
    process.exit(0);
  })();
}
process.on('SIGTERM', shutdown);
onOrphaned = shutdown;

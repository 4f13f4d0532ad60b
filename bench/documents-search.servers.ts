/**
 * The servers of the register-search benchmark, in one process on the database of
 * documents-database.ts:
 *
 * - the platform (buildApp, every kernel protection), with a clerk (văn thư) of the
 *   provincial People's Committee signed in through the API, password then authenticator
 *   code, as a person is: the benchmark sends that session's cookie;
 * - a bare Fastify with no plugins, schema, session or logging, whose `GET /outgoing` and
 *   `GET /incoming` run the documents module's own statements for the same filters (page
 *   and total, compiled by the module) straight through `pg` or PGlite.
 *
 * Writes `{"platform","bare","cookie","documents","fillSeconds"}` to BENCH_PORTS_FILE.
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import type { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app';
import { manifests } from '../src/parts';
import { base32Decode, base32Encode } from '../src/kernel/auth/base32';
import { fieldCipher } from '../src/kernel/auth/field-crypto';
import { hashPassword } from '../src/kernel/auth/passwords';
import { sessionCookieName } from '../src/kernel/auth/session-cookie';
import { totp } from '../src/kernel/auth/totp';
import { insertUser, replaceUserRoles, updateUser } from '../src/kernel/auth/users.queries';
import {
  incomingPage,
  outgoingPage,
  type DocumentsTables,
  type IncomingFilters,
  type ListRunner,
  type OutgoingFilters,
} from '../src/modules/documents';
import { announcePorts } from './harness';
import { openDocumentsDatabase, SEARCHED_AGENCY_CODE } from './documents-database';

const POOL_SIZE = 10;
const CLERK_EMAIL = 'vanthu.bench@quangninh.example';

const bench = await openDocumentsDatabase({ poolSize: POOL_SIZE });
const { ctx, database } = bench;

// The clerk: made on the first run, given a fresh password and authenticator on every run.
const agency = await ctx.db
  .selectFrom('agency')
  .select('id')
  .where('code', '=', SEARCHED_AGENCY_CODE)
  .executeTakeFirstOrThrow();
const password = randomBytes(12).toString('base64url');
const secret = base32Encode(randomBytes(20));
const now = ctx.clock.now();
const existing = await ctx.db
  .selectFrom('appUser')
  .select('id')
  .where('email', '=', CLERK_EMAIL)
  .executeTakeFirst();
const clerkId =
  existing?.id ??
  (await insertUser(ctx.db, {
    type: 'staff',
    email: CLERK_EMAIL,
    phone: null,
    fullName: 'Văn thư Đo Hiệu Năng',
    passwordHash: '',
    agencyId: agency.id,
    createdAt: now,
    updatedAt: now,
  }));
await updateUser(ctx.db, clerkId, {
  passwordHash: await hashPassword(password),
  status: 'active',
  totpSecret: fieldCipher(ctx.config).encrypt(
    base32Decode(secret),
    `app_user.totp_secret:${clerkId}`,
  ),
  totpEnabledAt: now,
  totpLastStep: null,
});
await replaceUserRoles(ctx.db, clerkId, [{ role: 'clerk', agencyId: agency.id }], null);

const platform = await buildApp({ ctx, manifests });
await platform.listen({ host: '127.0.0.1', port: 0 });

// Signing in through the API, as the console does.
const origin = new URL(ctx.config.publicUrl).origin;
const cookieName = sessionCookieName(ctx.config);
const login = await platform.inject({
  method: 'POST',
  url: '/api/auth/login',
  headers: { origin },
  payload: { identifier: CLERK_EMAIL, password },
});
const pending = login.cookies.find((c) => c.name === cookieName)?.value;
if (login.statusCode !== 200 || !pending) throw new Error(`sign-in failed: ${login.body}`);
const verified = await platform.inject({
  method: 'POST',
  url: '/api/auth/mfa/verify',
  headers: { origin, cookie: `${cookieName}=${pending}` },
  payload: { code: totp(base32Decode(secret), new Date()) },
});
const session = verified.cookies.find((c) => c.name === cookieName)?.value;
if (verified.statusCode !== 200 || !session) {
  throw new Error(`second factor failed: ${verified.body}`);
}

// The baseline: the module's statements for the same filters, compiled and run on a bare
// connection (PGlite runs them in this process, as it does the platform's).
const pool = bench.url ? new pg.Pool({ connectionString: bench.url, max: POOL_SIZE }) : null;
const documentsDb = ctx.db.withTables<DocumentsTables>();
const rows = async (query: CompiledQuery): Promise<unknown[]> =>
  pool
    ? (await pool.query(query.sql, query.parameters as unknown[])).rows
    : (await database.db.executeQuery(query)).rows;
const bareRunner: ListRunner = (query) => rows(query.compile()) as Promise<any[]>;
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ctx.config.timezone }).format(new Date());

type ListParams = { box?: string; q?: string; from?: string; to?: string; page?: string };
const PAGE_SIZE = 20;

const bare = Fastify();
bare.get('/outgoing', async (request) => {
  const { page = '1', ...q } = request.query as ListParams;
  const filters = { agencyId: agency.id, userId: clerkId, ...q, box: q.box ?? 'all' };
  const window = { page: Number(page), pageSize: PAGE_SIZE };
  const result = await outgoingPage(documentsDb, filters as OutgoingFilters, window, bareRunner);
  return { ...result, ...window };
});
bare.get('/incoming', async (request) => {
  const { page = '1', ...q } = request.query as ListParams;
  const filters = {
    agencyId: agency.id,
    userId: clerkId,
    ...q,
    box: q.box ?? 'all',
    today: today(),
    timezone: ctx.config.timezone,
  };
  const window = { page: Number(page), pageSize: PAGE_SIZE };
  const result = await incomingPage(documentsDb, filters as IncomingFilters, window, bareRunner);
  return { ...result, ...window };
});
await bare.listen({ host: '127.0.0.1', port: 0 });

const portOf = (server: typeof bare.server) => (server.address() as { port: number }).port;
process.stderr.write(`documents search servers ready on ${bench.documents} documents\n`);
announcePorts({
  platform: portOf(platform.server),
  bare: portOf(bare.server),
  cookie: `${cookieName}=${session}`,
  documents: bench.documents,
  fillSeconds: bench.fillSeconds ?? -1,
});

process.on('SIGTERM', () => {
  void (async () => {
    await platform.close();
    await bare.close();
    await pool?.end();
    await bench.close();
    process.exit(0);
  })();
});

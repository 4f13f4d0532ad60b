/**
 * `Idempotency-Key` for POST requests, with Stripe's semantics:
 * - the first response (2xx or 4xx) is stored and replayed for 24 hours to a retry that
 *   carries the same key, from the same principal, to the same endpoint, with the same body;
 * - the same key with a different request is refused with 422 IDEMPOTENCY_KEY_REUSED;
 * - while the first request is still running, a retry gets 409 IDEMPOTENCY_KEY_IN_USE;
 * - a 5xx (or a 409/429/503, which say "try again") is not stored, so a retry runs anew.
 * The key row is claimed with an INSERT … ON CONFLICT DO NOTHING, so two concurrent
 * requests on any number of processes cannot both run.
 *
 * A route that writes its record in one statement may instead take the key in that write
 * (route config `idempotency: 'in-write'`): no claim before the handler, and the row with the
 * answer is inserted by the record's own statement. A retry of a finished request then runs
 * the handler's checks again but its write fails on the key and the stored answer is
 * replayed (idempotentAnswer's `attempt`), so the record is still written once; a retry that
 * arrives while the first is writing waits for it and gets its answer rather than a 409.
 * This saves the claim's round trip on every request.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import { plainInsert } from '../db/row-insert';
import { sha256Hex } from '../crypto/sha256';
import type { Api } from './api';
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';

const KEY = /^[\x21-\x7e]{1,255}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this belongs to a process that died mid-request; it may be taken over. */
const LOCK_MS = 60 * 1000;
const NOT_STORED = new Set([409, 429, 503]);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyScope?: string;
    /** The fingerprint of the request, kept for a key taken in the write. */
    idempotencyHash?: string;
    /** The key is taken by the handler's write (route config `idempotency: 'in-write'`). */
    idempotencyInWrite?: boolean;
  }
  interface FastifyContextConfig {
    idempotency?: 'in-write';
  }
}

/** The unique index a key taken in the write collides on when the key was used before. */
const KEY_CONSTRAINT = 'idempotency_key_pkey';

/** The answer a retry of this request will be given. */
export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface IdempotentAnswer {
  /** The statement that stores the answer, to send with the handler's own write. */
  statement(answer: StoredAnswer): RawBuilder<unknown> | CompiledQuery;
  /** Says the write committed, so the answer is stored and onSend need not store it. */
  stored(): void;
  /**
   * Runs the handler's write. For a key taken in the write, a write that fails because the
   * key is taken already gives `{ replayed }`: the earlier answer sent (or the refusal of a
   * reuse with another body thrown); when that key had expired, it is removed and the write
   * runs once more. Any other failure is thrown as it is.
   */
  attempt<T>(reply: FastifyReply, write: () => Promise<T>): Promise<Attempt<T>>;
}

/** What an idempotent write came to: its own result, or the earlier answer replayed. */
export type Attempt<T> = { written: T } | { replayed: FastifyReply };

/**
 * For a handler that writes its record in one statement (kernel/db/statement-batch): the
 * statement that stores the answer to this request, to add to that write. The record and
 * the answer a retry will be replayed then commit together, so no crash between the two can
 * let a retry run the request a second time. Null when the request has no Idempotency-Key.
 * The handler must send exactly the answer it stored.
 */
export function idempotentAnswer(
  ctx: AppContext,
  request: FastifyRequest,
): IdempotentAnswer | null {
  const scopeKey = request.idempotencyScope;
  if (!scopeKey) return null;
  const inWrite = request.idempotencyInWrite === true;
  return {
    statement: (answer) =>
      inWrite
        ? storeAnswerSql(ctx, scopeKey, request.idempotencyHash ?? '', answer)
        : sql`
            UPDATE idempotency_key
            SET state = 'done', response_status = ${answer.status},
                response_content_type = ${answer.contentType}, response_body = ${answer.body}
            WHERE scope_key = ${scopeKey}
          `,
    stored: () => {
      request.idempotencyScope = undefined;
    },
    attempt: async (reply, write) => {
      try {
        return { written: await write() };
      } catch (error) {
        if (!inWrite || !isKeyTaken(error)) throw error;
        const outcome = await earlierAnswer(ctx, request, reply, scopeKey, request.idempotencyHash);
        if (outcome === 'again') return { written: await write() };
        // Rows written in the write are finished ones: none is ever left running.
        if (outcome === undefined) throw error;
        // The replay is the answer to this request; onSend must not store anything more.
        request.idempotencyScope = undefined;
        return { replayed: outcome };
      }
    },
  };
}

/** The key row, finished, with its answer: a plain INSERT that fails if the key is taken. */
function storeAnswerSql(
  ctx: AppContext,
  scopeKey: string,
  requestHash: string,
  answer: StoredAnswer,
  suffix = '',
): CompiledQuery {
  const now = ctx.clock.now();
  return plainInsert(
    'idempotency_key',
    {
      scope_key: scopeKey,
      request_hash: requestHash,
      state: 'done',
      locked_until: now,
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      response_status: answer.status,
      response_content_type: answer.contentType,
      response_body: answer.body,
    },
    suffix,
  );
}

function isKeyTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown } | null;
  return (
    e?.code === '23505' &&
    (e.constraint === KEY_CONSTRAINT ||
      (typeof e.detail === 'string' && e.detail.startsWith('Key (scope_key)=')))
  );
}

export function requestFingerprint(request: FastifyRequest): string {
  // A streamed body (a multipart upload) is not in request.body; its length at least tells
  // two different uploads apart.
  const streamed = request.body === undefined ? `\n${request.headers['content-length'] ?? ''}` : '';
  return sha256Hex(`${request.method}\n${request.url}\n${canonicalJson(request.body)}${streamed}`);
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export async function registerIdempotency(app: Api, ctx: AppContext): Promise<void> {
  app.decorateRequest('idempotencyScope', undefined);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY.test(header)) throw httpErrors.IDEMPOTENCY_KEY_INVALID();

    const principal = request.principal
      ? `${request.principal.kind}:${request.principal.id}`
      : 'anonymous';
    const scopeKey = sha256Hex(
      `${principal}\n${request.routeOptions.url ?? request.url}\n${header}`,
    );
    const requestHash = requestFingerprint(request);
    if (request.routeOptions.config.idempotency === 'in-write') {
      request.idempotencyScope = scopeKey;
      request.idempotencyHash = requestHash;
      request.idempotencyInWrite = true;
      return undefined;
    }
    return claim(ctx, request, reply, scopeKey, requestHash);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const scopeKey = request.idempotencyScope;
    if (!scopeKey) return payload;
    request.idempotencyScope = undefined;
    const status = reply.statusCode;
    const storable =
      status < 500 && !NOT_STORED.has(status) && (typeof payload === 'string' || payload === null);
    const contentType = reply.getHeader('content-type');
    if (request.idempotencyInWrite) {
      // Nothing was written under the key (the handler refused before its write): store the
      // refusal like any first answer, unless a concurrent request stored its own.
      if (storable) {
        await ctx.db.executeQuery(
          storeAnswerSql(
            ctx,
            scopeKey,
            request.idempotencyHash ?? '',
            {
              status,
              contentType:
                typeof contentType === 'string' ? contentType : 'application/json; charset=utf-8',
              body: payload ?? '',
            },
            'ON CONFLICT (scope_key) DO NOTHING',
          ),
        );
      }
      return payload;
    }
    if (!storable) {
      await ctx.db.deleteFrom('idempotencyKey').where('scopeKey', '=', scopeKey).execute();
      return payload;
    }
    await ctx.db
      .updateTable('idempotencyKey')
      .set({
        state: 'done',
        responseStatus: status,
        responseContentType: typeof contentType === 'string' ? contentType : null,
        responseBody: payload ?? '',
      })
      .where('scopeKey', '=', scopeKey)
      .execute();
    return payload;
  });
}

async function claim(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scopeKey: string,
  requestHash: string,
): Promise<FastifyReply | undefined> {
  const now = ctx.clock.now();
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  // Two attempts: the second follows the removal of an expired key.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    // The claim commits without waiting for its WAL to reach the disk (synchronous_commit
    // off for this one statement): a claim lost in a crash is harmless, since nothing was
    // done under it, and the write it guards waits for the disk anyway, which also makes
    // this earlier WAL durable. Other requests see the claim at once either way. So a
    // request pays for one disk flush, not two.
    const claimed = await sql<{ scopeKey: string }>`
      INSERT INTO idempotency_key (scope_key, request_hash, state, locked_until, expires_at)
      SELECT ${scopeKey}, ${requestHash}, 'running', ${lockedUntil},
             ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}
      FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
      ON CONFLICT (scope_key) DO NOTHING
      RETURNING scope_key
    `.execute(ctx.db);
    if (claimed.rows.length > 0) {
      request.idempotencyScope = scopeKey;
      return undefined;
    }
    const outcome = await earlierAnswer(ctx, request, reply, scopeKey, requestHash, lockedUntil);
    if (outcome === 'again') continue;
    return outcome;
  }
  throw httpErrors.IDEMPOTENCY_KEY_IN_USE();
}

/**
 * What a request whose key is already taken gets: the stored answer replayed; 422 when the
 * key came with another request; 409 while the first is still running (unless its claim
 * lapsed, when this request takes it over, given `lockedUntil`, and runs: undefined);
 * `'again'` when the key had expired (it is removed, so the caller may take it anew).
 */
async function earlierAnswer(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scopeKey: string,
  requestHash: string | undefined,
  lockedUntil?: Date,
): Promise<FastifyReply | 'again' | undefined> {
  const now = ctx.clock.now();
  const existing = await ctx.db
    .selectFrom('idempotencyKey')
    .selectAll()
    .where('scopeKey', '=', scopeKey)
    .executeTakeFirst();
  if (!existing) return 'again';
  if (existing.expiresAt <= now) {
    await ctx.db
      .deleteFrom('idempotencyKey')
      .where('scopeKey', '=', scopeKey)
      .where('expiresAt', '<=', now)
      .execute();
    return 'again';
  }
  if (existing.requestHash !== requestHash) throw httpErrors.IDEMPOTENCY_KEY_REUSED();
  if (existing.state === 'running') {
    if (!lockedUntil) throw httpErrors.IDEMPOTENCY_KEY_IN_USE();
    const takenOver = await ctx.db
      .updateTable('idempotencyKey')
      .set({ lockedUntil })
      .where('scopeKey', '=', scopeKey)
      .where('state', '=', 'running')
      .where('lockedUntil', '<', now)
      .returning('scopeKey')
      .executeTakeFirst();
    if (!takenOver) throw httpErrors.IDEMPOTENCY_KEY_IN_USE();
    request.idempotencyScope = scopeKey;
    return undefined;
  }
  return reply
    .status(existing.responseStatus ?? 200)
    .header('Idempotent-Replayed', 'true')
    .type(existing.responseContentType ?? 'application/json; charset=utf-8')
    .send(existing.responseBody ?? '');
}

/** Removes keys past their 24 hours; run by the scheduler. */
export async function purgeExpiredIdempotencyKeys(ctx: AppContext): Promise<number> {
  const result = await ctx.db
    .deleteFrom('idempotencyKey')
    .where('expiresAt', '<', ctx.clock.now())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

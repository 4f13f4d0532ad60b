import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import type { Manifest } from '../manifest';
import { ManualClock } from '../clock';
import { StatementBatch } from '../db/statement-batch';
import { httpErrors } from '../errors/common.errors';
import { idempotentAnswer, purgeExpiredIdempotencyKeys } from './idempotency';

/**
 * A part that creates a record per POST, so the tests can count what a retried request
 * really created. `hold` lets a test keep the first request running.
 */
let hold: Promise<void> | null = null;
const probe: Manifest = {
  name: 'probe',
  routes: async (app, ctx) => {
    app.post(
      '/probes',
      {
        schema: {
          body: Type.Object(
            { title: Type.String({ minLength: 1 }) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.Number(), title: Type.String() }) },
        },
      },
      async (request, reply) => {
        if (hold) await hold;
        const row = await sql<{ id: number; title: string }>`
          INSERT INTO probe (title) VALUES (${request.body.title}) RETURNING id, title`.execute(
          ctx.db,
        );
        return reply.status(201).send(row.rows[0]!);
      },
    );
  },
};

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T03:00:00Z'));
  const count = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM probe`.execute(t.ctx.db)).rows[0]!.n,
    );
  const post = (key: string | undefined, title: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/probes',
      headers: key ? { 'idempotency-key': key } : {},
      payload: { title },
    });

  beforeAll(async () => {
    t = await createTestApp({ extraManifests: [probe], clock });
    await sql`CREATE TABLE probe (id serial PRIMARY KEY, title text NOT NULL)`.execute(t.ctx.db);
  });
  afterAll(async () => t.close());

  it('creates one record for the same key twice and replays the identical response', async () => {
    const first = await post('key-same-1', 'Đèn đường hỏng');
    const second = await post('key-same-1', 'Đèn đường hỏng');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(1);
  });

  it('treats a body with the same fields in another order as the same request', async () => {
    const before = await count();
    const send = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/probes',
        headers: { 'idempotency-key': 'key-order', 'content-type': 'application/json' },
        payload,
      });
    const first = await send('{"title":"a"}');
    const again = await send('{ "title" : "a" }');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with another body with 422', async () => {
    await post('key-other-body', 'Ngập đường');
    const res = await post('key-other-body', 'Rác thải');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 409 while the first request with the key is still running', async () => {
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const before = await count();
    const first = post('key-concurrent', 'Cây đổ');
    // Let the first request claim the key before the second arrives.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await post('key-concurrent', 'Cây đổ');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    hold = null;
    release();
    expect((await first).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
    // Once finished, a retry is replayed.
    const third = await post('key-concurrent', 'Cây đổ');
    expect(third.statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('does not store a validation failure made before the handler ran', async () => {
    const bad = await post('key-invalid-first', '');
    expect(bad.statusCode).toBe(400);
    const good = await post('key-invalid-first', 'Ổ gà');
    expect(good.statusCode).toBe(201);
  });

  it('rejects a malformed key', async () => {
    const res = await post('x'.repeat(256), 'a');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('keeps a key for 24 hours, then forgets it', async () => {
    const first = await post('key-expiry', 'Biển báo');
    clock.advance(23 * 3600 * 1000);
    expect((await post('key-expiry', 'Biển báo')).body).toBe(first.body);
    const before = await count();
    clock.advance(2 * 3600 * 1000);
    expect(await purgeExpiredIdempotencyKeys(t.ctx)).toBeGreaterThan(0);
    const after = await post('key-expiry', 'Biển báo');
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(await count()).toBe(before + 1);
  });

  it('without a key, every POST creates a record', async () => {
    const before = await count();
    await post(undefined, 'a');
    await post(undefined, 'a');
    expect(await count()).toBe(before + 2);
  });
});

/**
 * A part whose handler takes the key in its own write (route config `idempotency:
 * 'in-write'`): the answer is made before writing and stored by the same statement as the
 * record. `holdWrite` keeps a request waiting just before its write.
 */
let holdWrite: Promise<void> | null = null;
/** While set, the handler refuses every request (a rule of its own, not the schema's). */
let refuseAll = false;
const inWriteProbe: Manifest = {
  name: 'probe-in-write',
  routes: async (app, ctx) => {
    app.post(
      '/probes-in-write',
      {
        schema: {
          body: Type.Object({ title: Type.String() }, { additionalProperties: false }),
        },
        config: { idempotency: 'in-write' },
      },
      async (request, reply) => {
        if (refuseAll) throw httpErrors.VALIDATION_FAILED([{ field: 'title', message: 'closed' }]);
        const idempotent = idempotentAnswer(ctx, request);
        const write = async () => {
          const answer = { id: randomUUID(), title: request.body.title };
          const body = JSON.stringify(answer);
          const batch = new StatementBatch(ctx.db).add(
            sql`INSERT INTO probe_in_write (id, title) VALUES (${answer.id}, ${answer.title})`,
          );
          if (idempotent) {
            batch.add(idempotent.statement({ status: 201, contentType: 'application/json', body }));
          }
          if (holdWrite) await holdWrite;
          await batch.execute();
          idempotent?.stored();
          return reply.status(201).type('application/json').send(body);
        };
        if (!idempotent) return write();
        const outcome = await idempotent.attempt(reply, write);
        return 'replayed' in outcome ? outcome.replayed : outcome.written;
      },
    );
  },
};

describe('Idempotency-Key taken in the handler’s own write', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T03:00:00Z'));
  const count = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM probe_in_write`.execute(t.ctx.db))
        .rows[0]!.n,
    );
  const post = (key: string | undefined, title: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/probes-in-write',
      headers: key ? { 'idempotency-key': key } : {},
      payload: { title },
    });

  beforeAll(async () => {
    t = await createTestApp({ extraManifests: [inWriteProbe], clock });
    await sql`CREATE TABLE probe_in_write (id uuid PRIMARY KEY, title text NOT NULL)`.execute(
      t.ctx.db,
    );
  });
  afterAll(async () => t.close());

  it('writes one record for the same key twice and replays the identical answer', async () => {
    const before = await count();
    const first = await post('in-write-twice', 'Đèn đường hỏng');
    const second = await post('in-write-twice', 'Đèn đường hỏng');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with another body with 422 and writes nothing', async () => {
    await post('in-write-other', 'Ngập đường');
    const before = await count();
    const res = await post('in-write-other', 'Rác thải');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count()).toBe(before);
  });

  it('gives a retry that arrives during the write the answer of the request that won', async () => {
    let release!: () => void;
    holdWrite = new Promise((resolve) => (release = resolve));
    const before = await count();
    const first = post('in-write-concurrent', 'Cây đổ');
    const second = post('in-write-concurrent', 'Cây đổ');
    // Both requests are now waiting just before their writes; let them race.
    await new Promise((resolve) => setTimeout(resolve, 100));
    holdWrite = null;
    release();
    const answers = await Promise.all([first, second]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers[0].body).toBe(answers[1].body);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('keeps a refusal as the answer to its key, even once the handler would accept', async () => {
    const before = await count();
    refuseAll = true;
    const first = await post('in-write-refused', 'Ổ gà');
    expect(first.statusCode).toBe(400);
    // Still refused: the handler says so again (with its own request id), before any write.
    const again = await post('in-write-refused', 'Ổ gà');
    refuseAll = false;
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('VALIDATION_FAILED');
    // Accepted now, but the key's answer is the refusal: the write gives way to it.
    const later = await post('in-write-refused', 'Ổ gà');
    expect(later.statusCode).toBe(400);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.body).toBe(first.body);
    expect(await count()).toBe(before);
  });

  it('writes anew once the key is older than 24 hours, even before the purge', async () => {
    const first = await post('in-write-expiry', 'Biển báo');
    const before = await count();
    clock.advance(25 * 3600 * 1000);
    const later = await post('in-write-expiry', 'Biển báo');
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body).not.toBe(first.body);
    expect(await count()).toBe(before + 1);
  });
});

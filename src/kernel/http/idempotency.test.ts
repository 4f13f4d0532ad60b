import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import type { Manifest } from '../manifest';
import { ManualClock } from '../clock';
import { purgeExpiredIdempotencyKeys } from './idempotency';

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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser, createTestAgencies, createTestUser, signInStaff } from '../auth/testing';
import type { EventHandler } from '../manifest';
import { publish, startWorker } from './index';

describe('dead-letter API', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-11-21T05:00:00Z'));
  let admin: string;
  let officer: string;
  let succeed = false;
  const handler: EventHandler = {
    name: 'notify.send_mail',
    event: 'test.mail_requested',
    handle: async () => {
      if (!succeed) throw new Error('SMTP 421: máy chủ thư tạm ngừng');
    },
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { OUTBOX_MAX_ATTEMPTS: '2' } });
    const agencies = await createTestAgencies(t.ctx, 'EV');
    const provinceAdmin = await createTestUser(t.ctx, {
      email: 'quantri.ev@quangninh.example',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    const clerk = await createTestUser(t.ctx, {
      email: 'canbo.ev@quangninh.example',
      agencyId: agencies.communeA,
      roles: ['officer'],
    });
    admin = await signInStaff(t.app, t.ctx, clock, provinceAdmin);
    officer = await signInStaff(t.app, t.ctx, clock, clerk);
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST', url: string, cookie?: string) =>
    t.app.inject({ method, url, headers: browser(t.ctx, cookie) });

  it('asks anonymous callers to sign in and refuses staff without events.manage', async () => {
    for (const [method, url] of [
      ['GET', '/api/events/dead-letters'],
      ['POST', '/api/events/deliveries/1/retry'],
    ] as const) {
      expect((await call(method, url)).statusCode).toBe(401);
      const res = await call(method, url, officer);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual({ permission: 'events.manage' });
    }
  });

  it('lists dead letters and sends one back to its handler', async () => {
    const eventId = await t.ctx.db
      .transaction()
      .execute(async (trx) =>
        publish(trx, { type: 'test.mail_requested', aggregateId: 'u-1', payload: {} }),
      );
    const worker = startWorker(t.ctx, [handler], { poll: false, backoff: { baseMs: 0 } });
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 1, dead: 1 });

    const list = await call('GET', '/api/events/dead-letters?pageSize=10', admin);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    const [dead] = list.json().items;
    expect(dead).toEqual({
      id: expect.any(Number),
      eventId,
      eventType: 'test.mail_requested',
      aggregateId: 'u-1',
      handler: 'notify.send_mail',
      attempts: 2,
      lastError: 'SMTP 421: máy chủ thư tạm ngừng',
      lastAttemptAt: clock.now().toISOString(),
      occurredAt: expect.any(String),
    });

    succeed = true;
    const retry = await call('POST', `/api/events/deliveries/${dead.id}/retry`, admin);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({
      id: dead.id,
      eventId,
      handler: 'notify.send_mail',
      state: 'pending',
      nextAttemptAt: clock.now().toISOString(),
    });
    // Only dead letters can be retried.
    const again = await call('POST', `/api/events/deliveries/${dead.id}/retry`, admin);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DELIVERY_NOT_DEAD');

    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect((await call('GET', '/api/events/dead-letters', admin)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    await worker.stop();
  });

  it('answers 404 for an unknown delivery and 400 for a malformed id', async () => {
    const missing = await call('POST', '/api/events/deliveries/999999/retry', admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('DELIVERY_NOT_FOUND');
    const malformed = await call('POST', '/api/events/deliveries/abc/retry', admin);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });
});

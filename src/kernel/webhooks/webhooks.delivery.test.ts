import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { publish, startWorker, type Worker } from '../events';
import { webhookFanOut, verifyWebhookSignature, webhooksManifest } from './index';
import {
  closedPort,
  signInWebhookStaff,
  startTestReceiver,
  type ReceivedRequest,
  type TestReceiver,
  type WebhookStaff,
} from './webhooks.test-support';

const REPORT_EVENT = 'test.report_status_changed';
const ALERT_EVENT = 'test.alert_raised';

// Delivered for real: a worker drives the outbox, a node:http server on 127.0.0.1 receives.
describe('webhook delivery', () => {
  const clock = new ManualClock(new Date('2026-11-21T04:00:00Z'));
  let t: TestApp;
  let staff: WebhookStaff;
  let receiver: TestReceiver;
  let worker: Worker;

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true', OUTBOX_MAX_ATTEMPTS: '3' },
    });
    staff = await signInWebhookStaff(t.app, t.ctx, clock, 'WD');
    receiver = await startTestReceiver();
    // What the worker role runs: the modules' fan-outs and this part's own handler.
    worker = startWorker(
      t.ctx,
      [webhookFanOut(REPORT_EVENT), webhookFanOut(ALERT_EVENT), ...webhooksManifest.handlers!],
      { poll: false },
    );
  });
  afterAll(async () => {
    await worker.stop();
    await receiver.close();
    await t.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers = staff.provinceAdmin,
    payload?: object,
  ) => t.app.inject({ method, url: `/api${url}`, headers, payload });

  async function subscribe(
    path: string,
    options: { agencyId?: string; eventTypes?: string[]; url?: string } = {},
  ): Promise<{ id: string; secret: string }> {
    const res = await call('POST', '/webhooks', staff.provinceAdmin, {
      agencyId: options.agencyId ?? staff.agencies.province,
      name: `Nhận ${path}`,
      url: options.url ?? `${receiver.base}${path}`,
      eventTypes: options.eventTypes ?? [REPORT_EVENT],
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().subscription.id, secret: res.json().secret };
  }

  async function publishEvent(type: string, payload: Record<string, unknown>): Promise<string> {
    return t.ctx.db
      .transaction()
      .execute(async (trx) => publish(trx, { type, aggregateId: 'r-1', payload }));
  }

  async function deliveriesOf(id: string) {
    const res = await call('GET', `/webhooks/${id}/deliveries`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Array<Record<string, unknown>>;
  }

  const bodyOf = (request: ReceivedRequest) => JSON.parse(request.rawBody);
  /** Lets the outbox's backoff (1 s, 2 s … with jitter) run out without sleeping. */
  const waitOutBackoff = () => clock.advance(10_000);

  it('posts the signed event to the subscriber', async () => {
    const { id, secret } = await subscribe('/open311');
    const payload = { reportId: 'r-1', agencyId: staff.agencies.communeA, status: 'resolved' };
    const eventId = await publishEvent(REPORT_EVENT, payload);

    const summary = await worker.runOnce();
    expect(summary).toMatchObject({ retried: 0, dead: 0 });
    const [request, ...more] = receiver.at('/open311');
    expect(more).toHaveLength(0);
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.headers['tinhso-event-id']).toBe(eventId);
    expect(request!.headers['tinhso-event-type']).toBe(REPORT_EVENT);
    expect(bodyOf(request!)).toEqual({
      id: eventId,
      type: REPORT_EVENT,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: payload,
    });
    const signature = request!.headers['tinhso-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, signature, request!.rawBody, clock.now())).toBe(true);

    expect(await deliveriesOf(id)).toEqual([
      {
        id: expect.any(String),
        eventId,
        eventType: REPORT_EVENT,
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        lastAttemptAt: clock.now().toISOString(),
        deliveredAt: clock.now().toISOString(),
        createdAt: clock.now().toISOString(),
      },
    ]);
    const subscription = (await call('GET', `/webhooks/${id}`)).json().subscription;
    expect(subscription).toMatchObject({ lastSuccessAt: clock.now().toISOString() });

    // Delivered means done: running again sends nothing more.
    await worker.runOnce();
    expect(receiver.at('/open311')).toHaveLength(1);
  });

  it('retries through an outage and delivers the same event once the receiver recovers', async () => {
    const { id, secret } = await subscribe('/outage');
    receiver.plan('/outage', [503, 503]);
    const eventId = await publishEvent(REPORT_EVENT, {
      reportId: 'r-2',
      agencyId: staff.agencies.communeB,
      status: 'in_progress',
    });

    expect(await worker.runOnce()).toMatchObject({ retried: 1, dead: 0 });
    expect(await deliveriesOf(id)).toMatchObject([
      {
        eventId,
        status: 'pending',
        attempts: 1,
        lastStatusCode: 503,
        lastError: 'HTTP 503: Dịch vụ tạm ngừng — service unavailable',
        deliveredAt: null,
      },
    ]);
    // Not due yet: the backoff holds the retry back.
    await worker.runOnce();
    expect(receiver.at('/outage')).toHaveLength(1);

    waitOutBackoff();
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    waitOutBackoff();
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, retried: 0, dead: 0 });

    const attempts = receiver.at('/outage');
    expect(attempts).toHaveLength(3);
    // The same event each time, under the same id; only the signature's time moves on.
    for (const attempt of attempts) {
      expect(attempt.headers['tinhso-event-id']).toBe(eventId);
      expect(bodyOf(attempt)).toEqual(bodyOf(attempts[0]!));
    }
    const last = attempts[2]!;
    expect(
      verifyWebhookSignature(
        secret,
        last.headers['tinhso-signature'] as string,
        last.rawBody,
        clock.now(),
      ),
    ).toBe(true);
    expect(await deliveriesOf(id)).toMatchObject([
      {
        eventId,
        status: 'delivered',
        attempts: 3,
        lastStatusCode: 200,
        lastError: null,
        deliveredAt: clock.now().toISOString(),
      },
    ]);
    const subscription = (await call('GET', `/webhooks/${id}`)).json().subscription;
    expect(subscription.lastFailureAt).not.toBeNull();
    expect(subscription.lastSuccessAt).toBe(clock.now().toISOString());
  });

  it('does not follow redirects', async () => {
    const { id } = await subscribe('/moved');
    receiver.plan('/moved', [302]);
    await publishEvent(REPORT_EVENT, { reportId: 'r-3', agencyId: staff.agencies.communeA });
    await worker.runOnce();
    expect(await deliveriesOf(id)).toMatchObject([
      {
        status: 'pending',
        attempts: 1,
        lastStatusCode: 302,
        lastError: expect.stringContaining('redirects are not followed'),
      },
    ]);
    expect(receiver.at('/moved/moved')).toHaveLength(0);
    waitOutBackoff();
    await worker.runOnce();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('gives up after the last attempt when the receiver is down, leaving a dead letter', async () => {
    const port = await closedPort();
    const { id } = await subscribe('/down', {
      url: `http://127.0.0.1:${port}/down`,
      eventTypes: [ALERT_EVENT],
    });
    const eventId = await publishEvent(ALERT_EVENT, { alertId: 'a-1', level: 'đỏ' });
    await worker.runOnce();
    waitOutBackoff();
    await worker.runOnce();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    waitOutBackoff();
    expect(await worker.runOnce()).toMatchObject({ dead: 1 });

    expect(await deliveriesOf(id)).toMatchObject([
      {
        eventId,
        eventType: ALERT_EVENT,
        status: 'failed',
        attempts: 3,
        lastStatusCode: null,
        lastError: expect.stringContaining('ECONNREFUSED'),
        deliveredAt: null,
      },
    ]);
    const subscription = (await call('GET', `/webhooks/${id}`)).json().subscription;
    expect(subscription).toMatchObject({
      lastSuccessAt: null,
      lastFailureAt: clock.now().toISOString(),
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    const dead = (await call('GET', '/events/dead-letters?pageSize=100')).json().items;
    expect(dead).toContainEqual(
      expect.objectContaining({ handler: 'webhooks.deliver', attempts: 3 }),
    );
    // Failed stays failed: nothing more is attempted.
    waitOutBackoff();
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
  });

  it('sends an event only to subscriptions of its agency and of the agencies above it', async () => {
    const province = await subscribe('/scope/province', { eventTypes: [ALERT_EVENT] });
    const communeA = await subscribe('/scope/commune-a', {
      agencyId: staff.agencies.communeA,
      eventTypes: [ALERT_EVENT],
    });
    const communeB = await subscribe('/scope/commune-b', {
      agencyId: staff.agencies.communeB,
      eventTypes: [ALERT_EVENT],
    });
    const ofCommuneA = await publishEvent(ALERT_EVENT, {
      alertId: 'a-2',
      agencyId: staff.agencies.communeA,
    });
    const provinceWide = await publishEvent(ALERT_EVENT, { alertId: 'a-3' });
    await worker.runOnce();

    const eventIds = (path: string) =>
      receiver.at(path).map((request) => request.headers['tinhso-event-id']);
    expect(eventIds('/scope/province').sort()).toEqual([ofCommuneA, provinceWide].sort());
    expect(eventIds('/scope/commune-a')).toEqual([ofCommuneA]);
    expect(eventIds('/scope/commune-b')).toEqual([]);
    expect(await deliveriesOf(communeB.id)).toEqual([]);
    expect((await deliveriesOf(province.id)).map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
    ]);
    expect((await deliveriesOf(communeA.id)).map((d) => d.eventId)).toEqual([ofCommuneA]);
  });

  it('sends nothing to a deactivated subscription, including what was already queued', async () => {
    const { id } = await subscribe('/deactivated');
    const before = await publishEvent(REPORT_EVENT, { reportId: 'r-4' });
    // Fan-out queues the delivery; deactivation comes before it is sent.
    receiver.plan('/deactivated', [503]);
    await worker.runOnce();
    expect((await call('DELETE', `/webhooks/${id}`)).statusCode).toBe(200);
    waitOutBackoff();
    await worker.runOnce();
    await publishEvent(REPORT_EVENT, { reportId: 'r-5' });
    await worker.runOnce();

    expect(receiver.at('/deactivated')).toHaveLength(1);
    expect(await deliveriesOf(id)).toMatchObject([
      {
        eventId: before,
        status: 'failed',
        attempts: 1,
        lastError: 'subscription deactivated before delivery; not sent',
      },
    ]);
  });

  it('sends a test event on request, newest first in the deliveries', async () => {
    const { id, secret } = await subscribe('/test-event');
    const sent = await call('POST', `/webhooks/${id}/test`);
    expect(sent.statusCode).toBe(202);
    expect(sent.json().delivery).toMatchObject({
      eventType: 'webhooks.test',
      status: 'pending',
      attempts: 0,
    });
    clock.advance(1000);
    const second = (await call('POST', `/webhooks/${id}/test`)).json().delivery;
    await worker.runOnce();

    const requests = receiver.at('/test-event');
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(bodyOf(request)).toMatchObject({
        type: 'webhooks.test',
        data: { subscriptionId: id },
      });
      expect(
        verifyWebhookSignature(
          secret,
          request.headers['tinhso-signature'] as string,
          request.rawBody,
          clock.now(),
        ),
      ).toBe(true);
    }
    const deliveries = await deliveriesOf(id);
    expect(deliveries.map((d) => [d.id, d.status])).toEqual([
      [second.id, 'delivered'],
      [sent.json().delivery.id, 'delivered'],
    ]);
    const failedOnly = await call('GET', `/webhooks/${id}/deliveries?status=failed`);
    expect(failedOnly.json()).toMatchObject({ items: [], total: 0 });
  });

  it('signs with the new secret after a rotation, and with both during an overlap', async () => {
    const { id, secret: original } = await subscribe('/rotation');
    const rotate = async (query = '') =>
      (await call('POST', `/webhooks/${id}/rotate-secret${query}`)).json().secret as string;
    const verifyLast = (secret: string) => {
      const requests = receiver.at('/rotation');
      const last = requests[requests.length - 1]!;
      return verifyWebhookSignature(
        secret,
        last.headers['tinhso-signature'] as string,
        last.rawBody,
        clock.now(),
      );
    };

    const immediate = await rotate();
    await call('POST', `/webhooks/${id}/test`);
    await worker.runOnce();
    expect(verifyLast(immediate)).toBe(true);
    expect(verifyLast(original)).toBe(false);

    const overlapping = await rotate('?keepPreviousHours=1');
    await call('POST', `/webhooks/${id}/test`);
    await worker.runOnce();
    expect(verifyLast(overlapping)).toBe(true);
    expect(verifyLast(immediate)).toBe(true);

    // After the overlap the old secret no longer signs.
    clock.advance(3_600_000 + 1000);
    await staff.renewProvinceAdmin();
    await call('POST', `/webhooks/${id}/test`);
    await worker.runOnce();
    expect(verifyLast(overlapping)).toBe(true);
    expect(verifyLast(immediate)).toBe(false);
  });

  it('fans an event out once per subscription however often the handler runs', async () => {
    const { id } = await subscribe('/fan-out-twice', { eventTypes: [ALERT_EVENT] });
    const fanOut = webhookFanOut(ALERT_EVENT);
    const event = {
      id: randomUUID(),
      type: ALERT_EVENT,
      aggregateId: 'a-9',
      payload: { alertId: 'a-9' },
      occurredAt: clock.now(),
    };
    // At least once: a worker that died after the handler committed runs it again.
    await fanOut.handle(event, t.ctx);
    await fanOut.handle(event, t.ctx);
    const deliveries = await deliveriesOf(id);
    expect(deliveries).toMatchObject([{ eventId: event.id, status: 'pending' }]);
    const queued = await t.ctx.db
      .selectFrom('outboxEvent')
      .select('id')
      .where('type', '=', 'webhooks.deliver')
      .where('aggregateId', '=', deliveries[0]!.id as string)
      .execute();
    expect(queued).toHaveLength(1);
    await worker.runOnce();
    expect(receiver.at('/fan-out-twice')).toHaveLength(1);
  });

  it('refuses a stale or tampered request as a receiver would', async () => {
    const { secret } = await subscribe('/receiver-check');
    await publishEvent(REPORT_EVENT, { reportId: 'r-6' });
    await worker.runOnce();
    const [request] = receiver.at('/receiver-check');
    const header = request!.headers['tinhso-signature'] as string;
    expect(verifyWebhookSignature(secret, header, request!.rawBody, clock.now())).toBe(true);
    const sixMinutesLater = new Date(clock.now().getTime() + 6 * 60_000);
    expect(verifyWebhookSignature(secret, header, request!.rawBody, sixMinutesLater)).toBe(false);
    const tampered = request!.rawBody.replace('r-6', 'r-7');
    expect(verifyWebhookSignature(secret, header, tampered, clock.now())).toBe(false);
  });
});

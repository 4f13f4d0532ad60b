import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../kernel/auth/testing';
import { collectHandlers, startWorker, type Worker } from '../../kernel/events';
import { verifyWebhookSignature } from '../../kernel/webhooks';
import { startTestReceiver, type TestReceiver } from '../../kernel/webhooks/webhooks.test-support';
import { manifests } from '../../parts';
import {
  HA_LONG_COMMITTEE,
  HA_LONG_POINT,
  STREETLIGHT,
  loadFeedbackFixtures,
} from './feedback.test-support';

// A status change of a real report reaches a subscribed back office, signed, even when the
// back office was down at first.
describe('report changes to webhooks', () => {
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let receiver: TestReceiver;
  let worker: Worker;
  let officer: Record<string, string>;
  let admin: Record<string, string>;
  let agencies: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true' } });
    agencies = await loadFeedbackFixtures(t.ctx);
    const staff = async (email: string, agency: string, role: string) => {
      const account = await createTestUser(t.ctx, {
        email,
        agencyId: agencies.get(agency)!,
        roles: [role],
      });
      return browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
    };
    officer = await staff('canbo.webhook@example.vn', HA_LONG_COMMITTEE, 'officer');
    admin = await staff('quantri.webhook@example.vn', '000.00.00.H49', 'province_admin');
    receiver = await startTestReceiver();
    worker = startWorker(t.ctx, collectHandlers(manifests), {
      poll: false,
      backoff: { baseMs: 0 },
    });
  });
  afterAll(async () => {
    await worker.stop();
    await receiver.close();
    await t.close();
  });

  it('delivers the resolution with a valid signature after the receiver’s outage', async () => {
    const subscription = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: admin,
      payload: {
        agencyId: agencies.get(HA_LONG_COMMITTEE),
        name: 'Hệ thống một cửa phường Hạ Long',
        url: `${receiver.base}/hooks`,
        eventTypes: ['feedback.report_changed'],
      },
    });
    expect(subscription.statusCode, subscription.body).toBe(201);
    const secret = subscription.json().secret as string;

    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      headers: browser(t.ctx),
      payload: {
        categoryCode: STREETLIGHT,
        ...HA_LONG_POINT,
        description: 'Đèn đường trước chợ Hạ Long tắt cả tuần.',
        attributes: { lights_out: 'one' },
        anonymous: true,
      },
    });
    const code = filed.json().trackingCode as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/feedback/inbox/${code}/actions`,
      headers: officer,
      payload: { action: 'resolve', message: 'Đã thay bóng đèn.' },
    });

    receiver.plan('/hooks', [503, 503]);
    for (let pass = 0; pass < 6; pass += 1) await worker.runOnce();

    const delivered = receiver.at('/hooks').filter((request) => {
      const body = JSON.parse(request.rawBody) as { data: { action: string } };
      return body.data.action === 'resolved';
    });
    // Every attempt at the resolution carries the same event id.
    expect(delivered.length).toBeGreaterThanOrEqual(1);
    const last = delivered.at(-1)!;
    expect(new Set(delivered.map((request) => request.headers['tinhso-event-id'])).size).toBe(1);
    expect(
      verifyWebhookSignature(
        secret,
        String(last.headers['tinhso-signature']),
        last.rawBody,
        clock.now(),
      ),
    ).toBe(true);
    expect(JSON.parse(last.rawBody).data).toMatchObject({
      trackingCode: code,
      status: 'resolved',
      previousStatus: 'new',
      message: 'Đã thay bóng đèn.',
    });
    // Both changes (filed, resolved) delivered; the two refusals cost two extra attempts.
    expect(receiver.at('/hooks')).toHaveLength(4);
    const deliveries = await t.app.inject({
      method: 'GET',
      url: `/api/webhooks/${subscription.json().subscription.id}/deliveries`,
      headers: admin,
    });
    const items = deliveries.json().items as Array<{ status: string; attempts: number }>;
    expect(items.map((item) => item.status)).toEqual(['delivered', 'delivered']);
    expect(items.reduce((sum, item) => sum + item.attempts, 0)).toBe(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser } from '../auth/testing';
import { webhookFanOut } from './index';
import { signInWebhookStaff, type WebhookStaff } from './webhooks.test-support';

// Declaring the fan-out makes the type subscribable, as a module's manifest does.
const REPORT_EVENT = 'test.report_status_changed';
const ALERT_EVENT = 'test.alert_raised';
webhookFanOut(REPORT_EVENT);
webhookFanOut(ALERT_EVENT);

describe('webhooks API', () => {
  const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
  let t: TestApp;
  let staff: WebhookStaff;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true' } });
    staff = await signInWebhookStaff(t.app, t.ctx, clock, 'WR');
  });
  afterAll(async () => t.close());

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers, payload });

  const create = (headers: Record<string, string>, overrides: Record<string, unknown> = {}) =>
    call('POST', '/webhooks', headers, {
      agencyId: staff.agencies.province,
      name: 'Hệ thống một cửa tỉnh',
      url: 'https://open311.example.gov.vn/hooks/tinhso',
      eventTypes: [REPORT_EVENT],
      ...overrides,
    });

  async function auditOf(recordId: string) {
    return t.ctx.db
      .selectFrom('auditEvent')
      .select(['action', 'actorId', 'details'])
      .where('recordType', '=', 'webhook_subscription')
      .where('recordId', '=', recordId)
      .orderBy('id')
      .execute();
  }

  it('asks anonymous callers to sign in and refuses staff without webhooks.manage', async () => {
    const anonymous = browser(t.ctx);
    const valid = {
      agencyId: staff.agencies.communeA,
      name: 'Phần mềm một cửa',
      url: 'https://open311.example.gov.vn/hooks/tinhso',
      eventTypes: [REPORT_EVENT],
    };
    for (const [method, url, payload] of [
      ['GET', '/webhooks'],
      ['GET', '/webhooks/event-types'],
      ['POST', '/webhooks', valid],
    ] as Array<[Method, string, object?]>) {
      expect((await call(method, url, anonymous, payload)).statusCode).toBe(401);
      const res = await call(method, url, staff.communeOfficer, payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual({ permission: 'webhooks.manage' });
    }
  });

  it('lists the event types some part sends to webhooks', async () => {
    const res = await call('GET', '/webhooks/event-types', staff.provinceAdmin);
    expect(res.statusCode).toBe(200);
    expect(res.json().eventTypes).toEqual(expect.arrayContaining([ALERT_EVENT, REPORT_EVENT]));
    expect(res.json().eventTypes).not.toContain('webhooks.test');
  });

  it('creates a subscription, shows its secret once and keeps it encrypted', async () => {
    const res = await create(staff.provinceAdmin, {
      name: '  Tổng đài 1022  ',
      eventTypes: [REPORT_EVENT, ALERT_EVENT],
    });
    expect(res.statusCode).toBe(201);
    const { subscription, secret } = res.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(subscription).toEqual({
      id: expect.any(String),
      agency: { id: staff.agencies.province, code: 'TWR.00.00', name: expect.any(String) },
      name: 'Tổng đài 1022',
      url: 'https://open311.example.gov.vn/hooks/tinhso',
      eventTypes: [ALERT_EVENT, REPORT_EVENT],
      active: true,
      createdBy: { id: expect.any(String), fullName: 'Người Thử Nghiệm' },
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
      lastSuccessAt: null,
      lastFailureAt: null,
      lastError: null,
      previousSecretExpiresAt: null,
    });

    const stored = await t.ctx.db
      .selectFrom('webhookSubscription')
      .select(['secretEncrypted'])
      .where('id', '=', subscription.id)
      .executeTakeFirstOrThrow();
    expect(stored.secretEncrypted).toMatch(/^v1:/);
    expect(stored.secretEncrypted).not.toContain(secret.slice(6));

    // Neither reading nor listing shows it again; nor does the audit log.
    const got = await call('GET', `/webhooks/${subscription.id}`, staff.provinceAdmin);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ subscription });
    const list = await call('GET', '/webhooks?pageSize=100', staff.provinceAdmin);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(subscription);
    for (const body of [got.body, list.body]) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain('secret"');
    }
    const audit = await auditOf(subscription.id);
    expect(audit).toEqual([
      {
        action: 'webhooks.subscription_created',
        actorId: expect.any(String),
        details: {
          agencyId: staff.agencies.province,
          name: 'Tổng đài 1022',
          url: 'https://open311.example.gov.vn/hooks/tinhso',
          eventTypes: [ALERT_EVENT, REPORT_EVENT],
          active: true,
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it('refuses addresses outside the rule with 400 and says why', async () => {
    const cases: Array<[string, string]> = [
      ['ftp://open311.example.gov.vn/hook', 'scheme'],
      ['http://203.113.131.1/hook', 'insecure_public'],
      ['http://169.254.169.254/latest/meta-data', 'forbidden_address'],
      ['https://canbo:matkhau@open311.example.gov.vn/hook', 'credentials'],
      ['không phải địa chỉ', 'invalid'],
    ];
    for (const [url, reason] of cases) {
      const res = await create(staff.provinceAdmin, { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'WEBHOOK_URL_NOT_ALLOWED',
        details: { field: 'body.url', reason },
      });
    }
    const created = (await create(staff.provinceAdmin)).json().subscription;
    const patched = await call('PATCH', `/webhooks/${created.id}`, staff.provinceAdmin, {
      url: 'gopher://open311.example.gov.vn/',
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
  });

  it('refuses event types nobody sends, and malformed ones', async () => {
    const unknown = await create(staff.provinceAdmin, {
      eventTypes: [REPORT_EVENT, 'feedback.report_teleported'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({
      code: 'WEBHOOK_EVENT_TYPE_UNKNOWN',
      details: { eventTypes: ['feedback.report_teleported'] },
    });
    const test = await create(staff.provinceAdmin, { eventTypes: ['webhooks.test'] });
    expect(test.statusCode).toBe(422);
    for (const eventTypes of [[], ['Report Changed'], [REPORT_EVENT, REPORT_EVENT]]) {
      const res = await create(staff.provinceAdmin, { eventTypes });
      expect(res.statusCode, JSON.stringify(eventTypes)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps each agency to its own subtree: another agency’s subscription is 404', async () => {
    const provinceOwned = (await create(staff.provinceAdmin)).json().subscription;
    const communeOwned = (
      await create(staff.communeIntegrator, {
        agencyId: staff.agencies.communeA,
        url: 'http://10.20.0.15/open311',
      })
    ).json().subscription;
    expect(communeOwned.agency.id).toBe(staff.agencies.communeA);

    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [provinceOwned.id, missing]) {
      for (const [method, url, payload] of [
        ['GET', `/webhooks/${id}`],
        ['PATCH', `/webhooks/${id}`, { active: false }],
        ['DELETE', `/webhooks/${id}`],
        ['POST', `/webhooks/${id}/rotate-secret`],
        ['GET', `/webhooks/${id}/deliveries`],
        ['POST', `/webhooks/${id}/test`],
      ] as Array<[Method, string, object?]>) {
        const res = await call(method, url, staff.communeIntegrator, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('WEBHOOK_NOT_FOUND');
      }
    }
    // Nor may it create one for an agency outside its subtree.
    const elsewhere = await create(staff.communeIntegrator, {
      agencyId: staff.agencies.communeB,
    });
    expect(elsewhere.statusCode).toBe(404);

    const communeList = (
      await call('GET', '/webhooks?pageSize=100', staff.communeIntegrator)
    ).json();
    expect(communeList.items.map((s: { id: string }) => s.id)).toEqual([communeOwned.id]);
    expect(communeList.total).toBe(1);
    // The province sees both.
    const provinceList = (await call('GET', '/webhooks?pageSize=100', staff.provinceAdmin)).json();
    const ids = provinceList.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([provinceOwned.id, communeOwned.id]));
    expect(provinceList.total).toBe(ids.length);
  });

  it('updates, deactivates (softly) and reactivates, auditing each change', async () => {
    const { id } = (await create(staff.provinceAdmin)).json().subscription;
    const updated = await call('PATCH', `/webhooks/${id}`, staff.provinceAdmin, {
      url: 'https://open311.example.gov.vn/hooks/v2',
      eventTypes: [ALERT_EVENT],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().subscription).toMatchObject({
      url: 'https://open311.example.gov.vn/hooks/v2',
      eventTypes: [ALERT_EVENT],
      active: true,
    });

    const deleted = await call('DELETE', `/webhooks/${id}`, staff.provinceAdmin);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().subscription.active).toBe(false);
    // Still there, inactive, with its history.
    const got = await call('GET', `/webhooks/${id}`, staff.provinceAdmin);
    expect(got.json().subscription.active).toBe(false);
    const inactive = (await call('GET', '/webhooks?active=false', staff.provinceAdmin)).json();
    expect(inactive.items.map((s: { id: string }) => s.id)).toContain(id);
    // Deleting again changes nothing and audits nothing.
    expect((await call('DELETE', `/webhooks/${id}`, staff.provinceAdmin)).statusCode).toBe(200);

    const test = await call('POST', `/webhooks/${id}/test`, staff.provinceAdmin);
    expect(test.statusCode).toBe(409);
    expect(test.json().error.code).toBe('WEBHOOK_INACTIVE');

    const reactivated = await call('PATCH', `/webhooks/${id}`, staff.provinceAdmin, {
      active: true,
    });
    expect(reactivated.json().subscription.active).toBe(true);

    expect((await auditOf(id)).map((row) => [row.action, row.details])).toEqual([
      ['webhooks.subscription_created', expect.any(Object)],
      [
        'webhooks.subscription_updated',
        {
          changes: {
            url: {
              from: 'https://open311.example.gov.vn/hooks/tinhso',
              to: 'https://open311.example.gov.vn/hooks/v2',
            },
            eventTypes: { from: [REPORT_EVENT], to: [ALERT_EVENT] },
          },
        },
      ],
      [
        'webhooks.subscription_deactivated',
        { name: 'Hệ thống một cửa tỉnh', url: 'https://open311.example.gov.vn/hooks/v2' },
      ],
      ['webhooks.subscription_updated', { changes: { active: { from: false, to: true } } }],
    ]);
  });

  it('rotates the secret: a new one, shown once, never audited', async () => {
    const created = (await create(staff.provinceAdmin)).json();
    const id = created.subscription.id;
    const rotated = await call('POST', `/webhooks/${id}/rotate-secret`, staff.provinceAdmin);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(created.secret);
    expect(rotated.json().subscription.previousSecretExpiresAt).toBeNull();

    const overlapping = await call(
      'POST',
      `/webhooks/${id}/rotate-secret?keepPreviousHours=24`,
      staff.provinceAdmin,
    );
    expect(overlapping.json().subscription.previousSecretExpiresAt).toBe(
      new Date(clock.now().getTime() + 24 * 3_600_000).toISOString(),
    );
    const tooLong = await call(
      'POST',
      `/webhooks/${id}/rotate-secret?keepPreviousHours=1000`,
      staff.provinceAdmin,
    );
    expect(tooLong.statusCode).toBe(400);

    const audit = await auditOf(id);
    expect(audit.map((row) => row.action)).toEqual([
      'webhooks.subscription_created',
      'webhooks.secret_rotated',
      'webhooks.secret_rotated',
    ]);
    const text = JSON.stringify(audit);
    for (const secret of [created.secret, rotated.json().secret, overlapping.json().secret]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('whsec_');
  });
});

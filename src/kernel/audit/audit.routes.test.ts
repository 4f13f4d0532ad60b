import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser, createTestAgencies, createTestUser, signInStaff } from '../auth/testing';
import { recordAudit, recordPersonalDataRead, sealPendingAuditEvents } from './index';

describe('audit API', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-11-21T04:00:00Z'));
  let auditor: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const agencies = await createTestAgencies(t.ctx, 'AU');
    const admin = await createTestUser(t.ctx, {
      email: 'kiemtoan@quangninh.example',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    const clerk = await createTestUser(t.ctx, {
      email: 'canbo.kt@quangninh.example',
      agencyId: agencies.communeA,
      roles: ['officer'],
    });
    auditor = await signInStaff(t.app, t.ctx, clock, admin);
    officer = await signInStaff(t.app, t.ctx, clock, clerk);

    for (let i = 1; i <= 3; i += 1) {
      await recordAudit(t.ctx.db, {
        actorType: 'user',
        actorId: 'officer-7',
        action: 'dossier.accepted',
        recordType: 'dossier',
        recordId: `HS-${i}`,
        ip: '203.0.113.9',
        requestId: `req-${i}`,
        details: { ghiChu: `Hồ sơ ${i}` },
      });
    }
    await recordPersonalDataRead(t.ctx.db, {
      actorType: 'user',
      actorId: 'officer-7',
      recordType: 'citizen',
      recordId: 'CD-1',
      fields: ['citizenId'],
    });
    await sealPendingAuditEvents(t.ctx.db);
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: browser(t.ctx, cookie) });

  it('asks anonymous callers to sign in', async () => {
    for (const url of ['/api/audit/events', '/api/audit/verify']) {
      const res = await get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses staff without the audit.read permission', async () => {
    const res = await get('/api/audit/events', officer);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'audit.read' },
    });
  });

  it('lists entries newest first, filtered and paged', async () => {
    const res = await get(
      '/api/audit/events?actorId=officer-7&action=dossier.accepted&pageSize=2',
      auditor,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(body.items.map((item: { recordId: string }) => item.recordId)).toEqual(['HS-3', 'HS-2']);
    expect(body.items[0]).toMatchObject({
      actorType: 'user',
      actorId: 'officer-7',
      action: 'dossier.accepted',
      recordType: 'dossier',
      ip: '203.0.113.9',
      requestId: 'req-3',
      details: { ghiChu: 'Hồ sơ 3' },
      sealSeq: expect.any(Number),
    });
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        'action',
        'actorId',
        'actorType',
        'details',
        'id',
        'ip',
        'occurredAt',
        'recordId',
        'recordType',
        'requestId',
        'sealSeq',
      ].sort(),
    );

    const second = await get(
      '/api/audit/events?actorId=officer-7&action=dossier.accepted&pageSize=2&page=2',
      auditor,
    );
    expect(second.json().items.map((item: { recordId: string }) => item.recordId)).toEqual([
      'HS-1',
    ]);

    const reads = await get('/api/audit/events?recordType=citizen&recordId=CD-1', auditor);
    expect(reads.json().items).toMatchObject([
      { action: 'personal_data.read', details: { fields: ['citizenId'] } },
    ]);
  });

  it('filters by period and rejects a period that ends before it starts', async () => {
    const future = await get('/api/audit/events?from=2999-01-01T00:00:00Z', auditor);
    expect(future.json()).toMatchObject({ items: [], total: 0 });

    const bad = await get(
      '/api/audit/events?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z',
      auditor,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('AUDIT_PERIOD_INVALID');

    const notADate = await get('/api/audit/events?from=h%C3%B4m-qua', auditor);
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'querystring.from' }],
    });

    const unknown = await get('/api/audit/events?actor=x', auditor);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'querystring.actor', message: 'unknown field' }],
    });
  });

  it('verifies the chain', async () => {
    await sealPendingAuditEvents(t.ctx.db);
    const res = await get('/api/audit/verify', auditor);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, checkpointsVerified: 0 });
    expect(res.json().checkedRows).toBeGreaterThanOrEqual(4);
  });
});

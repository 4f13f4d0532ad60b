import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser, createTestAgencies, createTestUser, signInStaff } from '../auth/testing';
import { issueCrl } from './certificate-authority';
import { createTestPki, toPem, type TestPki } from './signing.test-support';

describe('trusted roots and CRLs', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let pki: TestPki;
  let adminCookie: string;
  let officerCookie: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const agencies = await createTestAgencies(t.ctx, 'TR');
    const admin = await createTestUser(t.ctx, {
      email: 'quantri.tin-cay@example.vn',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    const officer = await createTestUser(t.ctx, {
      email: 'canbo.tin-cay@example.vn',
      agencyId: agencies.communeA,
      roles: ['officer'],
    });
    adminCookie = await signInStaff(t.app, t.ctx, clock, admin);
    officerCookie = await signInStaff(t.app, t.ctx, clock, officer);
    pki = await createTestPki('Ban Cơ yếu (thử nghiệm)');
  }, 180_000);
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: browser(t.ctx, cookie), ...(payload ? { payload } : {}) });

  it('lets an administrator trust a root, list it and remove it, each step audited', async () => {
    const added = await call('POST', '/api/signing/roots', adminCookie, {
      pem: toPem(pki.root.certificate),
    });
    expect(added.statusCode).toBe(201);
    const root = added.json();
    expect(root).toMatchObject({
      subject: 'CA gốc Ban Cơ yếu (thử nghiệm)',
      source: 'database',
      fingerprint: new X509Certificate(pki.root.certificate).fingerprint256
        .replace(/:/g, '')
        .toLowerCase(),
    });
    const again = await call('POST', '/api/signing/roots', adminCookie, {
      pem: toPem(pki.root.certificate),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ROOT_ALREADY_TRUSTED');

    const list = await call('GET', '/api/signing/roots', adminCookie);
    expect(list.json().items.map((item: { subject: string }) => item.subject)).toContain(
      'CA gốc Ban Cơ yếu (thử nghiệm)',
    );

    const removed = await call('DELETE', `/api/signing/roots/${root.id}`, adminCookie);
    expect(removed.statusCode).toBe(204);
    const gone = await call('DELETE', `/api/signing/roots/${root.id}`, adminCookie);
    expect(gone.statusCode).toBe(404);

    const audit = await t.ctx.db
      .selectFrom('auditEvent')
      .select('action')
      .where('recordId', '=', root.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['signing.root_added', 'signing.root_removed']);
  });

  it('refuses what is not a root certificate', async () => {
    const leaf = await pki.issue({ commonName: 'Không phải gốc' });
    const notRoot = await call('POST', '/api/signing/roots', adminCookie, {
      pem: toPem(leaf.certificate),
    });
    expect(notRoot.statusCode).toBe(422);
    expect(notRoot.json().error.code).toBe('NOT_A_ROOT_CERTIFICATE');
    const garbage = await call('POST', '/api/signing/roots', adminCookie, {
      pem: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(120)}\n-----END CERTIFICATE-----`,
    });
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.code).toBe('CERTIFICATE_UNREADABLE');
  });

  it('takes a CRL only from a trusted issuer', async () => {
    const crl = await issueCrl({
      issuer: pki.root,
      revoked: [{ serialNumber: '0a1b2c', revokedAt: new Date('2026-01-01T00:00:00Z') }],
      thisUpdate: new Date(),
      nextUpdate: new Date(Date.now() + 7 * 86_400_000),
    });
    const untrusted = await call('POST', '/api/signing/crls', adminCookie, {
      crl: crl.toString('base64'),
    });
    expect(untrusted.statusCode).toBe(422);
    expect(untrusted.json().error.code).toBe('CRL_NOT_TRUSTED');

    await call('POST', '/api/signing/roots', adminCookie, { pem: toPem(pki.root.certificate) });
    const accepted = await call('POST', '/api/signing/crls', adminCookie, {
      crl: crl.toString('base64'),
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      issuer: 'CA gốc Ban Cơ yếu (thử nghiệm)',
      revokedCount: 1,
    });

    const unreadable = await call('POST', '/api/signing/crls', adminCookie, {
      crl: 'bm90IGEgQ1JMIGF0IGFsbA==',
    });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().error.code).toBe('CRL_UNREADABLE');
  });

  it('is closed to staff without signing.manage', async () => {
    const res = await call('GET', '/api/signing/roots', officerCookie);
    expect(res.statusCode).toBe(403);
    const post = await call('POST', '/api/signing/roots', officerCookie, {
      pem: toPem(pki.root.certificate),
    });
    expect(post.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { insertAgency } from '../agencies/agencies.queries';
import { base32Decode } from './base32';
import { seedDemoAccounts } from './auth.seed';
import { DEMO_ACCOUNTS, DEMO_TOTP_SECRET } from './demo-accounts';
import { addRolePermissions, listRoles } from './roles.queries';
import { browser, signIn } from './testing';
import { totp } from './totp';

describe('roles and demo accounts', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ clock });
    const root = await insertAgency(t.ctx.db, {
      code: '000.00.00.H00',
      name: 'UBND tỉnh Quảng Ninh (demo)',
      kind: 'province_committee',
    });
    await insertAgency(t.ctx.db, {
      code: '000.00.01.H00',
      name: 'Sở Xây dựng (demo)',
      kind: 'department',
      parentId: root.id,
    });
    await insertAgency(t.ctx.db, {
      code: '000.00.02.H00',
      name: 'UBND phường Hạ Long (demo)',
      kind: 'commune_committee',
      parentId: root.id,
    });
    await insertAgency(t.ctx.db, {
      code: '000.00.03.H00',
      name: 'Trung tâm Phục vụ hành chính công tỉnh (demo)',
      kind: 'public_service_center',
      parentId: root.id,
    });
  });
  afterAll(async () => t.close());

  it('seeds the built-in roles as reference data', async () => {
    const roles = await listRoles(t.ctx.db);
    const byName = new Map(roles.map((role) => [role.name, role]));
    expect([...byName.keys()].sort()).toEqual(
      expect.arrayContaining(['agency_admin', 'citizen', 'officer', 'operator', 'province_admin']),
    );
    expect(byName.get('citizen')!.permissions).toEqual([]);
    // The dossiers module gives operators the service-quality figures (Decision 766).
    expect(byName.get('operator')!.permissions).toEqual(['dossiers.report', 'ops.view']);
    expect(byName.get('agency_admin')!.permissions).toEqual([
      'agencies.manage',
      'calendar.manage',
      'users.manage',
    ]);
    expect(byName.get('province_admin')!.permissions).toEqual(
      expect.arrayContaining(['audit.read', 'events.manage', 'api_keys.manage', 'users.manage']),
    );
    expect(byName.get('officer')!.labelVi).toBe('Cán bộ xử lý');
  });

  it('lets a module add its permissions to a role without losing the others', async () => {
    await addRolePermissions(t.ctx.db, { officer: ['dossiers.process', 'records.read'] });
    const officer = (await listRoles(t.ctx.db)).find((role) => role.name === 'officer')!;
    // The documents and dossiers modules' reference seeds have already given officers theirs.
    expect(officer.permissions).toEqual([
      'documents.draft',
      'documents.read',
      'dossiers.handle',
      'dossiers.process',
      'dossiers.read',
      'records.process',
      'records.read',
    ]);
  });

  it('creates demo accounts that sign in with their password and the fixed authenticator', async () => {
    await seedDemoAccounts(t.ctx);
    await seedDemoAccounts(t.ctx);
    for (const account of DEMO_ACCOUNTS) {
      const { res, cookie } = await signIn(t.app, t.ctx, account.email, account.password);
      const body = res.json();
      expect(body.user.roles).toEqual([account.role]);
      if (account.totpSecret === null) {
        expect(body.mfaRequired).toBe(false);
        continue;
      }
      expect(body).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: false });
      clock.advance(30_000);
      const verify = await t.app.inject({
        method: 'POST',
        url: '/api/auth/mfa/verify',
        headers: browser(t.ctx, cookie),
        payload: { code: totp(base32Decode(DEMO_TOTP_SECRET), clock.now()) },
      });
      expect(verify.statusCode).toBe(200);
    }
    const officer = DEMO_ACCOUNTS.find((account) => account.role === 'officer')!;
    const { res } = await signIn(t.app, t.ctx, officer.email, officer.password);
    expect(res.json().user.agency.name).toBe('UBND phường Hạ Long (demo)');
    const agencyAdmin = DEMO_ACCOUNTS.find((account) => account.role === 'agency_admin')!;
    const second = await signIn(t.app, t.ctx, agencyAdmin.email, agencyAdmin.password);
    expect(second.res.json().user.agency.name).toBe('Sở Xây dựng (demo)');
  });
});

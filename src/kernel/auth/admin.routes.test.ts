import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import {
  browser,
  createTestAgencies,
  createTestUser,
  signIn,
  signInStaff,
  type TestAccount,
  type TestAgencies,
} from './testing';

describe('account administration and scopes', () => {
  let t: TestApp;
  let agencies: TestAgencies;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let provinceAdmin: TestAccount;
  let departmentAdmin: TestAccount;
  let officerA: TestAccount;
  let officerB: TestAccount;
  let citizen: TestAccount;
  let adminCookie: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await createTestAgencies(t.ctx, 'A');
    provinceAdmin = await createTestUser(t.ctx, {
      email: 'tinh@quangninh.example',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    departmentAdmin = await createTestUser(t.ctx, {
      email: 'so@quangninh.example',
      agencyId: agencies.department,
      roles: ['agency_admin'],
    });
    officerA = await createTestUser(t.ctx, {
      email: 'canbo.a@quangninh.example',
      agencyId: agencies.communeA,
      roles: ['officer'],
      phone: '+84912345123',
      fullName: 'Nguyễn Văn An',
    });
    officerB = await createTestUser(t.ctx, {
      email: 'canbo.b@quangninh.example',
      agencyId: agencies.communeB,
      roles: ['officer'],
    });
    citizen = await createTestUser(t.ctx, { email: 'dan@example.vn' });
    adminCookie = await signInStaff(t.app, t.ctx, clock, provinceAdmin);
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url, headers: browser(t.ctx, cookie) });
  const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: browser(t.ctx, cookie), ...(payload ? { payload } : {}) });

  it('lists accounts in scope with contact details masked', async () => {
    const res = await get('/api/admin/users?q=nguyen van&pageSize=5', adminCookie);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(body.items[0]).toMatchObject({
      id: officerA.id,
      fullName: 'Nguyễn Văn An',
      email: 'ca***@quangninh.example',
      phone: '+84 9** *** 123',
      roles: ['officer'],
      status: 'active',
      agency: { id: agencies.communeA },
    });

    const all = await get('/api/admin/users?pageSize=100&sort=fullName', adminCookie);
    const ids = all.json().items.map((u: { id: string }) => u.id);
    // A province-wide grant covers citizens too.
    expect(ids).toEqual(expect.arrayContaining([officerA.id, officerB.id, citizen.id]));
    const citizens = await get('/api/admin/users?type=citizen', adminCookie);
    expect(citizens.json().items.every((u: { type: string }) => u.type === 'citizen')).toBe(true);
  });

  it('limits a department administrator to the department subtree', async () => {
    const cookie = await signInStaff(t.app, t.ctx, clock, departmentAdmin);
    const list = await get('/api/admin/users?pageSize=100', cookie);
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual([departmentAdmin.id]);
    const outside = await get(`/api/admin/users/${officerA.id}`, cookie);
    expect(outside.statusCode).toBe(404);
    const create = await send('POST', '/api/admin/users', cookie, {
      email: 'ngoai@quangninh.example',
      fullName: 'Người Ngoài',
      agencyId: agencies.communeA,
      roles: ['officer'],
    });
    expect(create.statusCode).toBe(404);
    // Inside the subtree, but a role with more than the administrator holds.
    const escalate = await send('POST', '/api/admin/users', cookie, {
      email: 'leo.thang@quangninh.example',
      fullName: 'Leo Thang',
      agencyId: agencies.department,
      roles: ['province_admin'],
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().error.code).toBe('ROLE_NOT_GRANTABLE');
  });

  it('answers a commune officer 404 for another commune and 403 within their own', async () => {
    const cookie = await signInStaff(t.app, t.ctx, clock, officerA);
    const other = await get(`/api/admin/users/${officerB.id}`, cookie);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const own = await get(`/api/admin/users/${officerA.id}`, cookie);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('FORBIDDEN');
    const list = await get('/api/admin/users', cookie);
    expect(list.statusCode).toBe(403);
    const disable = await send('PATCH', `/api/admin/users/${officerB.id}`, cookie, {
      status: 'disabled',
    });
    expect(disable.statusCode).toBe(404);
  });

  it('shows one account in full to an administrator and audits the read', async () => {
    const res = await get(`/api/admin/users/${officerA.id}`, adminCookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      email: 'canbo.a@quangninh.example',
      phone: '+84912345123',
    });
    const audit = await sql<{ actorId: string; details: { fields: string[] } }>`
      SELECT actor_id, details FROM audit_event
      WHERE action = 'personal_data.read' AND record_id = ${officerA.id}`.execute(t.ctx.db);
    expect(audit.rows[0]).toMatchObject({
      actorId: provinceAdmin.id,
      details: { fields: ['email', 'phone'] },
    });
    const unknown = await get('/api/admin/users/00000000-0000-4000-8000-000000000000', adminCookie);
    expect(unknown.statusCode).toBe(404);
  });

  it('creates staff with a one-time temporary password', async () => {
    const res = await send('POST', '/api/admin/users', adminCookie, {
      email: 'Moi.CanBo@QuangNinh.example',
      phone: '0987 654 321',
      fullName: 'Đỗ Thị Mới',
      agencyId: agencies.communeB,
      roles: ['officer'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      type: 'staff',
      email: 'moi.canbo@quangninh.example',
      phone: '+84987654321',
      roles: ['officer'],
      permissions: [
        'documents.draft',
        'documents.read',
        'dossiers.handle',
        'dossiers.read',
        'records.process',
        'records.read',
      ],
      mfaEnabled: false,
      agency: { id: agencies.communeB },
    });
    expect(body.temporaryPassword).toMatch(/^[A-Za-z0-9]{17}$/);
    const login = await signIn(t.app, t.ctx, 'moi.canbo@quangninh.example', body.temporaryPassword);
    expect(login.res.json()).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: true });

    const duplicate = await send('POST', '/api/admin/users', adminCookie, {
      email: 'moi.canbo@quangninh.example',
      fullName: 'Trùng',
      agencyId: agencies.communeB,
      roles: [],
      password: 'một câu mật khẩu dài',
    });
    expect(duplicate.statusCode).toBe(409);
    const unknownRole = await send('POST', '/api/admin/users', adminCookie, {
      email: 'vai.tro@quangninh.example',
      fullName: 'Vai Trò',
      agencyId: agencies.communeB,
      roles: ['wizard'],
    });
    expect(unknownRole.json().error.code).toBe('ROLE_UNKNOWN');
  });

  it('disabling an account ends its sessions at once', async () => {
    const victim = await createTestUser(t.ctx, {
      email: 'bi.khoa@quangninh.example',
      agencyId: agencies.communeB,
      roles: ['officer'],
    });
    const cookie = await signInStaff(t.app, t.ctx, clock, victim);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(200);
    const res = await send('PATCH', `/api/admin/users/${victim.id}`, adminCookie, {
      status: 'disabled',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.status).toBe('disabled');
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: browser(t.ctx),
      payload: { identifier: victim.email, password: victim.password },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    const audit = await sql<{ action: string }>`
      SELECT action FROM audit_event WHERE record_id = ${victim.id} AND action = 'auth.user_disabled'`.execute(
      t.ctx.db,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('changes roles, which take effect on the next request, and refuses self-changes', async () => {
    const cookie = await signInStaff(t.app, t.ctx, clock, officerB);
    expect((await get('/api/admin/users', cookie)).statusCode).toBe(403);
    const res = await send('PATCH', `/api/admin/users/${officerB.id}`, adminCookie, {
      roles: ['officer', 'agency_admin'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles).toEqual(['agency_admin', 'officer']);
    expect((await get('/api/admin/users', cookie)).statusCode).toBe(200);
    const self = await send('PATCH', `/api/admin/users/${provinceAdmin.id}`, adminCookie, {
      status: 'disabled',
    });
    expect(self.json().error.code).toBe('SELF_CHANGE_REFUSED');
    const citizenRoles = await send('PATCH', `/api/admin/users/${citizen.id}`, adminCookie, {
      roles: ['officer'],
    });
    expect(citizenRoles.json().error.code).toBe('CITIZEN_ROLES_FIXED');
  });

  it('keeps citizens out of staff routes', async () => {
    const { cookie } = await signIn(t.app, t.ctx, citizen.email, citizen.password);
    expect((await get('/api/admin/users', cookie)).statusCode).toBe(403);
    expect((await get(`/api/admin/users/${citizen.id}`, cookie)).statusCode).toBe(403);
  });
});

describe('API keys', () => {
  let t: TestApp;
  let agencies: TestAgencies;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let adminCookie: string;
  let admin: TestAccount;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await createTestAgencies(t.ctx, 'K');
    admin = await createTestUser(t.ctx, {
      email: 'khoa.api@quangninh.example',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    adminCookie = await signInStaff(t.app, t.ctx, clock, admin);
  });
  afterAll(async () => t.close());

  it('creates a key shown once, authenticates with it, and refuses it once revoked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: browser(t.ctx, adminCookie),
      payload: {
        name: 'Cổng dịch vụ công quốc gia',
        agencyId: agencies.department,
        scopes: ['users.manage'],
      },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(apiKey).toMatchObject({
      name: 'Cổng dịch vụ công quốc gia',
      agency: { id: agencies.department },
      scopes: ['users.manage'],
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(apiKey.prefix).toMatch(/^tsk_[A-Za-z0-9]{8}$/);
    expect(secret.startsWith(`${apiKey.prefix}_`)).toBe(true);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/api-keys',
      headers: browser(t.ctx, adminCookie),
    });
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(secret);
    const stored = await sql<{ secretHash: string }>`SELECT secret_hash FROM api_key`.execute(
      t.ctx.db,
    );
    expect(stored.rows[0]!.secretHash).not.toContain(secret.slice(13));

    const asMachine = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { 'x-api-key': secret },
    });
    expect(asMachine.statusCode).toBe(200);
    const noScope = await t.app.inject({
      method: 'GET',
      url: '/api/admin/api-keys',
      headers: { 'x-api-key': secret },
    });
    expect(noScope.statusCode).toBe(403);
    // A machine needs no Origin: it cannot ride a person's session.
    const machinePost = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { 'x-api-key': secret },
      payload: {
        email: 'may@quangninh.example',
        fullName: 'Tạo Bởi Máy',
        agencyId: agencies.province,
        roles: [],
      },
    });
    expect(machinePost.statusCode).toBe(404);

    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/admin/api-keys/${apiKey.id}/revoke`,
      headers: browser(t.ctx, adminCookie),
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().apiKey.revokedAt).not.toBeNull();
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { 'x-api-key': secret },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('API_KEY_INVALID');
    const audit = await sql<{ action: string }>`
      SELECT action FROM audit_event WHERE record_id = ${apiKey.id} ORDER BY id`.execute(t.ctx.db);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'auth.api_key_created',
      'auth.api_key_revoked',
    ]);
  });

  it('refuses a malformed or unknown key, and an expired one', async () => {
    for (const key of ['nope', 'tsk_AAAAAAAA_' + 'x'.repeat(43)]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/admin/users',
        headers: { 'x-api-key': key },
      });
      expect(res.statusCode).toBe(401);
    }
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: browser(t.ctx, adminCookie),
      payload: {
        name: 'Tạm thời',
        agencyId: agencies.province,
        scopes: ['ops.view'],
        expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
      },
    });
    const { secret } = created.json();
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { 'x-api-key': secret } });
    expect((await me()).statusCode).toBe(403);
    clock.advance(3_600_001);
    expect((await me()).statusCode).toBe(401);
  });

  it('refuses scopes the creator does not hold', async () => {
    const agencyAdmin = await createTestUser(t.ctx, {
      email: 'so.api@quangninh.example',
      agencyId: agencies.department,
      roles: ['agency_admin'],
    });
    // The previous test moved the clock past the idle limit: sign in afresh.
    adminCookie = await signInStaff(t.app, t.ctx, clock, admin);
    const cookie = await signInStaff(t.app, t.ctx, clock, agencyAdmin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: browser(t.ctx, cookie),
      payload: { name: 'x', agencyId: agencies.department, scopes: ['audit.read'] },
    });
    expect(res.statusCode).toBe(403);
    const escalation = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: browser(t.ctx, adminCookie),
      payload: { name: 'x', agencyId: agencies.department, scopes: ['not.a.permission'] },
    });
    expect(escalation.json().error.code).toBe('SCOPE_NOT_GRANTABLE');
  });
});

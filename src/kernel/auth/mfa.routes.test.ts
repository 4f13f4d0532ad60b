import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { base32Decode } from './base32';
import { totp } from './totp';
import {
  browser,
  createTestAgencies,
  createTestUser,
  nextTotpCode,
  sessionCookieOf,
  signIn,
  type TestAgencies,
} from './testing';

describe('staff second factor', () => {
  let t: TestApp;
  let agencies: TestAgencies;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await createTestAgencies(t.ctx, 'M');
  });
  afterAll(async () => t.close());

  const post = (url: string, cookie: string, payload?: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: browser(t.ctx, cookie),
      ...(payload ? { payload } : {}),
    });
  const get = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url, headers: browser(t.ctx, cookie) });

  it('makes new staff enrol an authenticator before anything else, then lets them in', async () => {
    await createTestUser(t.ctx, {
      email: 'moi@quangninh.example',
      password: 'hoa sim tím chiều',
      agencyId: agencies.province,
      roles: ['province_admin'],
      totp: false,
    });
    const login = await signIn(t.app, t.ctx, 'moi@quangninh.example', 'hoa sim tím chiều');
    expect(login.res.json()).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: true });

    const blocked = await get('/api/admin/users', login.cookie);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { mfaRequired: true, mfaEnrolmentRequired: true },
    });
    // The profile cannot be changed either; only enrolment, sign-out and "who am I".
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: browser(t.ctx, login.cookie),
      payload: { locale: 'en' },
    });
    expect(patch.statusCode).toBe(401);
    const me = await get('/api/auth/me', login.cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ mfaPassed: false, user: { mfaEnabled: false } });

    const start = await post('/api/auth/mfa/enrol/start', login.cookie);
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri.startsWith('otpauth://totp/')).toBe(true);

    // The secret is encrypted at rest.
    const stored = await sql<{ totpSecret: string }>`
      SELECT totp_secret FROM app_user WHERE email = 'moi@quangninh.example'`.execute(t.ctx.db);
    expect(stored.rows[0]!.totpSecret).toMatch(/^v1:/);
    expect(stored.rows[0]!.totpSecret).not.toContain(secret);

    const wrong = await post('/api/auth/mfa/enrol/confirm', login.cookie, { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('MFA_CODE_INVALID');

    clock.advance(30_000);
    const confirm = await post('/api/auth/mfa/enrol/confirm', login.cookie, {
      code: totp(base32Decode(secret), clock.now()),
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // Enrolment proves the second factor: the session is rotated and fully signed in.
    const fresh = sessionCookieOf(t.ctx, confirm)!;
    expect(fresh).not.toBe(login.cookie);
    expect((await get('/api/auth/me', login.cookie)).statusCode).toBe(401);
    const list = await get('/api/admin/users', fresh);
    expect(list.statusCode).toBe(200);
    expect((await get('/api/auth/me', fresh)).json()).toMatchObject({
      mfaPassed: true,
      user: { mfaEnabled: true },
    });

    const again = await post('/api/auth/mfa/enrol/start', fresh);
    expect(again.json().error.code).toBe('MFA_ALREADY_ENROLLED');

    const audit = await sql<{ action: string }>`
      SELECT action FROM audit_event WHERE action = 'auth.mfa_enrolled'`.execute(t.ctx.db);
    expect(audit.rows).toHaveLength(1);
  });

  it('asks enrolled staff for a code at each sign-in and refuses a reused one', async () => {
    await createTestUser(t.ctx, {
      email: 'canbo@quangninh.example',
      password: 'sóng vỗ mạn thuyền',
      agencyId: agencies.communeA,
      roles: ['agency_admin'],
    });
    const first = await signIn(t.app, t.ctx, 'canbo@quangninh.example', 'sóng vỗ mạn thuyền');
    expect(first.res.json()).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: false });
    const blocked = await get('/api/admin/users', first.cookie);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.details).toEqual({
      mfaRequired: true,
      mfaEnrolmentRequired: false,
    });

    const code = nextTotpCode(clock);
    const verified = await post('/api/auth/mfa/verify', first.cookie, { code });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user.email).toBe('canbo@quangninh.example');
    const session = sessionCookieOf(t.ctx, verified)!;
    expect(session).not.toBe(first.cookie);
    expect((await get('/api/admin/users', session)).statusCode).toBe(200);
    // The pre-verification token no longer works.
    expect((await get('/api/auth/me', first.cookie)).statusCode).toBe(401);

    // The same code, in the same 30 seconds, on another sign-in: refused.
    const second = await signIn(t.app, t.ctx, 'canbo@quangninh.example', 'sóng vỗ mạn thuyền');
    const replay = await post('/api/auth/mfa/verify', second.cookie, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('MFA_CODE_INVALID');
    const ok = await post('/api/auth/mfa/verify', second.cookie, { code: nextTotpCode(clock) });
    expect(ok.statusCode).toBe(200);
  });

  it('accepts each recovery code once', async () => {
    await createTestUser(t.ctx, {
      email: 'khoiphuc@quangninh.example',
      password: 'mây trắng trên đỉnh',
      agencyId: agencies.department,
      roles: ['officer'],
      totp: false,
    });
    const login = await signIn(t.app, t.ctx, 'khoiphuc@quangninh.example', 'mây trắng trên đỉnh');
    const { secret } = (await post('/api/auth/mfa/enrol/start', login.cookie)).json();
    clock.advance(30_000);
    const confirm = await post('/api/auth/mfa/enrol/confirm', login.cookie, {
      code: totp(base32Decode(secret), clock.now()),
    });
    const codes: string[] = confirm.json().recoveryCodes;

    const a = await signIn(t.app, t.ctx, 'khoiphuc@quangninh.example', 'mây trắng trên đỉnh');
    const used = await post('/api/auth/mfa/verify', a.cookie, { code: codes[0]!.toLowerCase() });
    expect(used.statusCode).toBe(200);

    const b = await signIn(t.app, t.ctx, 'khoiphuc@quangninh.example', 'mây trắng trên đỉnh');
    const reused = await post('/api/auth/mfa/verify', b.cookie, { code: codes[0]! });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('MFA_CODE_INVALID');
    const other = await post('/api/auth/mfa/verify', b.cookie, {
      code: codes[1]!.replace(/-/g, ' '),
    });
    expect(other.statusCode).toBe(200);

    const stored = await sql<{
      codeHash: string;
    }>`SELECT code_hash FROM auth_recovery_code`.execute(t.ctx.db);
    expect(stored.rows.some((row) => codes.includes(row.codeHash))).toBe(false);
  });

  it('lets a pending session sign out', async () => {
    const login = await signIn(t.app, t.ctx, 'canbo@quangninh.example', 'sóng vỗ mạn thuyền');
    const out = await post('/api/auth/logout', login.cookie);
    expect(out.statusCode).toBe(204);
    const verify = await post('/api/auth/mfa/verify', login.cookie, { code: nextTotpCode(clock) });
    expect(verify.statusCode).toBe(401);
    expect(verify.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('locks the account after repeated wrong codes', async () => {
    const login = await signIn(t.app, t.ctx, 'canbo@quangninh.example', 'sóng vỗ mạn thuyền');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push(
        (await post('/api/auth/mfa/verify', login.cookie, { code: '123456' })).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const right = await post('/api/auth/mfa/verify', login.cookie, { code: nextTotpCode(clock) });
    expect(right.statusCode).toBe(429);
  });
});

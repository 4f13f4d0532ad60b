import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser, createTestUser, sessionCookieOf, signIn } from './testing';

describe('citizen sign-up, sign-in and own account', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  const register = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/register', headers: browser(t.ctx), payload });

  it('registers a citizen with an email and signs them in and out', async () => {
    const res = await register({
      email: 'Mai.Tran@Example.VN',
      password: 'hoa ban trắng tháng ba',
      fullName: 'Trần Thị Mai',
    });
    expect(res.statusCode).toBe(201);
    const { user } = res.json();
    expect(user).toMatchObject({
      type: 'citizen',
      fullName: 'Trần Thị Mai',
      email: 'mai.tran@example.vn',
      phone: null,
      locale: 'vi',
      agency: null,
      roles: ['citizen'],
      permissions: [],
      mfaEnabled: false,
    });
    expect(user).not.toHaveProperty('passwordHash');

    const login = await signIn(t.app, t.ctx, 'MAI.TRAN@example.vn', 'hoa ban trắng tháng ba');
    expect(login.res.json()).toMatchObject({
      user: { email: 'mai.tran@example.vn' },
      mfaRequired: false,
      mfaEnrolmentRequired: false,
    });

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: browser(t.ctx, login.cookie),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { fullName: 'Trần Thị Mai' }, mfaPassed: false });

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: browser(t.ctx, login.cookie),
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: browser(t.ctx, login.cookie),
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('registers with a phone number alone and signs in with it however it is typed', async () => {
    const res = await register({
      phone: '0912 345 678',
      password: 'núi bài thơ xanh',
      fullName: 'Lê Văn Nam',
      locale: 'en',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ phone: '+84912345678', email: null, locale: 'en' });
    const login = await signIn(t.app, t.ctx, '+84 912.345.678', 'núi bài thơ xanh');
    expect(login.res.json().user.fullName).toBe('Lê Văn Nam');
  });

  it('refuses a second account with the same contact, and a sign-up with none', async () => {
    const again = await register({
      email: 'mai.tran@example.vn',
      password: 'một mật khẩu khác',
      fullName: 'X',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACCOUNT_EXISTS');
    const none = await register({ password: 'một mật khẩu khác', fullName: 'X' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('CONTACT_REQUIRED');
    const badPhone = await register({
      phone: '12345',
      password: 'một mật khẩu khác',
      fullName: 'X',
    });
    expect(badPhone.json().error.code).toBe('PHONE_INVALID');
  });

  it('applies the password policy: too short, too long, breached, built from the email', async () => {
    const base = { email: 'policy@example.vn', fullName: 'Phạm Chính Sách' };
    expect((await register({ ...base, password: 'ngắn' })).json().error.code).toBe(
      'PASSWORD_TOO_SHORT',
    );
    expect((await register({ ...base, password: 'a'.repeat(129) })).json().error.code).toBe(
      'PASSWORD_TOO_LONG',
    );
    const breached = await register({ ...base, password: 'matkhau123' });
    expect(breached.statusCode).toBe(422);
    expect(breached.json().error.code).toBe('PASSWORD_BREACHED');
    expect((await register({ ...base, password: 'Policy2026!' })).json().error.code).toBe(
      'PASSWORD_CONTAINS_IDENTIFIER',
    );
    expect((await register({ ...base, password: 'a'.repeat(128) })).statusCode).toBe(201);
  });

  it('rejects unknown fields and malformed emails with VALIDATION_FAILED', async () => {
    const res = await register({
      email: 'not-an-email',
      password: 'hoa ban trắng',
      fullName: 'X',
      admin: true,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.admin', 'body.email']));
  });

  it('answers a wrong password and an unknown account with the same error', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: browser(t.ctx),
      payload: { identifier: 'mai.tran@example.vn', password: 'sai mật khẩu rồi' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: browser(t.ctx),
      payload: { identifier: 'nobody@example.vn', password: 'sai mật khẩu rồi' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('updates the own name and language', async () => {
    const { cookie } = await signIn(t.app, t.ctx, 'mai.tran@example.vn', 'hoa ban trắng tháng ba');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: browser(t.ctx, cookie),
      payload: { fullName: 'Trần Thị Mai Anh', locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ fullName: 'Trần Thị Mai Anh', locale: 'en' });
  });

  it('changes the password and ends every other session', async () => {
    const password = 'cầu bãi cháy lộng gió';
    await createTestUser(t.ctx, { email: 'doi.mk@example.vn', password });
    const phone = await signIn(t.app, t.ctx, 'doi.mk@example.vn', password);
    const laptop = await signIn(t.app, t.ctx, 'doi.mk@example.vn', password);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: browser(t.ctx, laptop.cookie),
      payload: { currentPassword: 'không phải mật khẩu', newPassword: 'đảo tuần châu nắng vàng' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('CURRENT_PASSWORD_WRONG');
    const breached = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: browser(t.ctx, laptop.cookie),
      payload: { currentPassword: password, newPassword: 'anhyeuem123' },
    });
    expect(breached.json().error.code).toBe('PASSWORD_BREACHED');

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: browser(t.ctx, laptop.cookie),
      payload: { currentPassword: password, newPassword: 'đảo tuần châu nắng vàng' },
    });
    expect(res.statusCode).toBe(204);
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: browser(t.ctx, cookie) });
    expect((await me(laptop.cookie)).statusCode).toBe(200);
    expect((await me(phone.cookie)).statusCode).toBe(401);
    await signIn(t.app, t.ctx, 'doi.mk@example.vn', 'đảo tuần châu nắng vàng');
  });

  it('rotates the session at sign-in: a token held before is dead after', async () => {
    const first = await signIn(t.app, t.ctx, 'mai.tran@example.vn', 'hoa ban trắng tháng ba');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: browser(t.ctx, first.cookie),
      payload: { identifier: 'mai.tran@example.vn', password: 'hoa ban trắng tháng ba' },
    });
    const second = sessionCookieOf(t.ctx, res)!;
    expect(second).not.toBe(first.cookie);
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: browser(t.ctx, cookie) });
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('keeps only the hash of the token in the session table', async () => {
    const { cookie } = await signIn(t.app, t.ctx, 'mai.tran@example.vn', 'hoa ban trắng tháng ba');
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await sql<{ id: string }>`SELECT id FROM auth_session`.execute(t.ctx.db);
    expect(rows.rows.some((row) => row.id === cookie)).toBe(false);
    expect(rows.rows.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);
  });

  it('ends a session after the idle limit, and extends it while it is used', async () => {
    const { cookie } = await signIn(t.app, t.ctx, 'mai.tran@example.vn', 'hoa ban trắng tháng ba');
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: browser(t.ctx, cookie) });
    clock.advance(20 * 60_000);
    expect((await me()).statusCode).toBe(200);
    clock.advance(20 * 60_000);
    expect((await me()).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    // The dead cookie is cleared in the browser.
    expect(expired.cookies.find((c) => c.name === 'tinhso_session')?.value).toBe('');
  });

  it('ends a session at the absolute limit however active it is', async () => {
    const { cookie } = await signIn(t.app, t.ctx, 'mai.tran@example.vn', 'hoa ban trắng tháng ba');
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: browser(t.ctx, cookie) });
    for (let hour = 0; hour < 12 * 4 - 1; hour += 1) {
      clock.advance(15 * 60_000);
      expect((await me()).statusCode).toBe(200);
    }
    clock.advance(15 * 60_000);
    expect((await me()).statusCode).toBe(401);
  });

  it('rehashes a password stored with older argon2 parameters at sign-in', async () => {
    const { id } = await createTestUser(t.ctx, {
      email: 'cu@example.vn',
      password: 'ngọn hải đăng cũ',
    });
    const { hash } = await import('@node-rs/argon2');
    const old = await hash('ngọn hải đăng cũ', { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await sql`UPDATE app_user SET password_hash = ${old} WHERE id = ${id}`.execute(t.ctx.db);
    await signIn(t.app, t.ctx, 'cu@example.vn', 'ngọn hải đăng cũ');
    const row = await sql<{
      passwordHash: string;
    }>`SELECT password_hash FROM app_user WHERE id = ${id}`.execute(t.ctx.db);
    expect(row.rows[0]!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(t.app, t.ctx, 'cu@example.vn', 'ngọn hải đăng cũ');
  });

  it('writes sign-in successes and failures to the audit log', async () => {
    const rows = await sql<{ action: string; actorType: string }>`
      SELECT action, actor_type FROM audit_event WHERE action LIKE 'auth.login%'`.execute(t.ctx.db);
    const actions = rows.rows.map((row) => row.action);
    expect(actions).toContain('auth.login_succeeded');
    expect(actions).toContain('auth.login_failed');
    expect(rows.rows.find((row) => row.action === 'auth.login_failed')!.actorType).toBe(
      'anonymous',
    );
  });
});

describe('session cookie and CSRF rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createTestUser(t.ctx, { email: 'csrf@example.vn', password: 'vịnh bái tử long' });
  });
  afterAll(async () => t.close());

  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie, not Secure without TLS', async () => {
    const { res } = await signIn(t.app, t.ctx, 'csrf@example.vn', 'vịnh bái tử long');
    const cookie = res.cookies.find((c) => c.name === 'tinhso_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.domain).toBeUndefined();
    expect(cookie.maxAge).toBeUndefined();
  });

  it('refuses a state change from another site', async () => {
    const { cookie } = await signIn(t.app, t.ctx, 'csrf@example.vn', 'vịnh bái tử long');
    const attempt = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        headers: { cookie: `tinhso_session=${cookie}`, ...headers },
        payload: { fullName: 'Kẻ Giả Mạo' },
      });
    const forged: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example', 'x-requested-with': 'tinhso' },
      { 'x-requested-with': 'XMLHttpRequest' },
      {},
    ];
    for (const headers of forged) {
      const res = await attempt(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_REJECTED');
    }
    expect((await attempt({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await attempt({ 'x-requested-with': 'tinhso' })).statusCode).toBe(200);
    expect((await attempt({ origin: 'http://localhost:3000' })).statusCode).toBe(200);
    // Reads are not state changes.
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `tinhso_session=${cookie}`, origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { identifier: 'csrf@example.vn', password: 'vịnh bái tử long' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });
});

describe('session cookie over TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TLS: 'true', PUBLIC_URL: 'https://tinhso.example' } });
    await createTestUser(t.ctx, { email: 'tls@example.vn', password: 'vịnh bái tử long' });
  });
  afterAll(async () => t.close());

  it('uses the __Host- prefix with Secure, and reads it back', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://tinhso.example' },
      payload: { identifier: 'tls@example.vn', password: 'vịnh bái tử long' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === '__Host-tinhso_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.domain).toBeUndefined();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `__Host-tinhso_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
  });
});

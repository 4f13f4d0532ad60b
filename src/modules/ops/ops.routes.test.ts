import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { manifests } from '../../parts';
import { runDemoSeedOnce } from '../../kernel/seed/seeder';
import { DEMO_ACCOUNTS } from '../../kernel/auth/demo-accounts';
import { base32Decode } from '../../kernel/auth/base32';
import { totp } from '../../kernel/auth/totp';
import { insertAgency } from '../../kernel/agencies/agencies.queries';
import { localDayBounds } from './local-day';
import { publicConfig } from './ops.service';
import type { OpsSummary } from './ops.schemas';
import type { AppContext } from '../../kernel/context';

const account = (role: string) => DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;

function cookieOf(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error('no session cookie was set');
  return first.split(';')[0]!;
}

describe('ops API', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let origin: string;

  /** Signs a demo account in through the public API; staff also pass the authenticator step. */
  async function signIn(role: string): Promise<string> {
    const who = account(role);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin },
      payload: { identifier: who.email, password: who.password },
    });
    expect(login.statusCode).toBe(200);
    let cookie = cookieOf(login.headers['set-cookie']);
    if (login.json().mfaRequired) {
      const verify = await t.app.inject({
        method: 'POST',
        url: '/api/auth/mfa/verify',
        headers: { origin, cookie },
        payload: { code: totp(base32Decode(who.totpSecret!), clock.now()) },
      });
      expect(verify.statusCode).toBe(200);
      if (verify.headers['set-cookie']) cookie = cookieOf(verify.headers['set-cookie']);
    }
    return cookie;
  }

  async function summary(cookie: string): Promise<OpsSummary> {
    const res = await t.app.inject({ method: 'GET', url: '/api/ops/summary', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  let operatorCookie: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    origin = t.ctx.config.publicUrl;
    await runDemoSeedOnce(t.ctx, manifests);
    operatorCookie = await signIn('operator');
  });
  afterAll(async () => t?.close());

  it('tells the web app the province, the map tiles and the default language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config/public' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      mapTileUrl: null,
      provinceName: 'Tỉnh Quảng Ninh',
      provinceCode: '22',
      defaultLocale: 'vi',
    });
    const withTiles = { config: { mapTileUrl: 'https://tiles.example.vn/{z}/{x}/{y}.png' } };
    expect(publicConfig(withTiles as AppContext).mapTileUrl).toBe(
      'https://tiles.example.vn/{z}/{x}/{y}.png',
    );
  });

  it('refuses the summary to anonymous visitors and to people without ops.view', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/ops/summary' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');

    const citizen = await signIn('citizen');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/ops/summary',
      headers: { cookie: citizen },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('counts the demo people and agencies for an operator', async () => {
    const body = await summary(operatorCookie);
    const staff = DEMO_ACCOUNTS.filter((who) => who.totpSecret !== null).length;
    expect(body.users).toEqual({ citizens: 1, staff });
    expect(body.agencies).toBeGreaterThan(50);
    expect(body.auditEventsByHour).toHaveLength(24);
    expect(body.auditEventsToday).toBe(body.auditEventsByHour.reduce((a, b) => a + b, 0));
    expect(body.generatedAt).toBe(clock.now().toISOString());
    expect(Object.keys(body).sort()).toEqual([
      'agencies',
      'auditEventsByHour',
      'auditEventsToday',
      'generatedAt',
      'users',
    ]);
  });

  it('follows new registrations and new agencies', async () => {
    const before = await summary(operatorCookie);
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { origin },
      payload: {
        fullName: 'Vũ Thị Biển',
        email: 'vu.thi.bien@example.vn',
        password: 'sóng vỗ bãi cháy mỗi sáng',
      },
    });
    expect(registered.statusCode).toBe(201);
    await insertAgency(t.ctx.db, {
      code: '000.00.22.H99',
      name: 'Ban Quản lý vịnh Hạ Long',
      kind: 'other',
    });
    const after = await summary(operatorCookie);
    expect(after.users.citizens).toBe(before.users.citizens + 1);
    expect(after.users.staff).toBe(before.users.staff);
    expect(after.agencies).toBe(before.agencies + 1);
  });

  it('counts audit events per local hour of today only', async () => {
    const before = await summary(operatorCookie);
    const { from, to } = localDayBounds(clock.now(), t.ctx.config.timezone);
    const at = (offsetMinutes: number) =>
      new Date(from.getTime() + offsetMinutes * 60_000).toISOString();
    const events = [
      at(10), // 00:10 local: hour 0
      at(10 * 60 + 5), // 10:05: hour 10
      at(10 * 60 + 59), // 10:59: hour 10
      at(-30), // 23:30 yesterday: not today
      new Date(to.getTime() + 60_000).toISOString(), // 00:01 tomorrow: not today
    ];
    for (const occurredAt of events) {
      await sql`
        INSERT INTO audit_event (occurred_at, actor_type, actor_id, action, record_type, record_id, ip, details)
        VALUES (${occurredAt}::timestamptz, 'system', NULL, 'ops.test_event', NULL, NULL, NULL, '{}'::jsonb)
      `.execute(t.ctx.db);
    }
    const after = await summary(operatorCookie);
    const added = after.auditEventsByHour.map((n, hour) => n - before.auditEventsByHour[hour]!);
    expect(added[0]).toBe(1);
    expect(added[10]).toBe(2);
    expect(added.reduce((a, b) => a + b, 0)).toBe(3);
    expect(after.auditEventsToday).toBe(before.auditEventsToday + 3);
  });

  it('streams the summary as server-sent events', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    const anonymous = await fetch(`${base}/api/ops/summary/stream`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');

    const abort = new AbortController();
    const res = await fetch(`${base}/api/ops/summary/stream`, {
      headers: { cookie: operatorCookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/event: summary\ndata: .*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    abort.abort();
    const data = /event: summary\ndata: (.*)\n\n/.exec(text)?.[1];
    const pushed = JSON.parse(data!) as OpsSummary;
    expect(pushed.users.staff).toBeGreaterThan(0);
    expect(pushed.auditEventsByHour).toHaveLength(24);
  });
});

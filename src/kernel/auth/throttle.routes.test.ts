import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser, createTestUser, signIn } from './testing';

describe('brute-force protection', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ clock });
    await createTestUser(t.ctx, { email: 'khoa@example.vn', password: 'thuyền buồm nâu' });
    await createTestUser(t.ctx, { email: 'ip@example.vn', password: 'thuyền buồm nâu' });
  });
  afterAll(async () => t.close());

  const login = (identifier: string, password: string, ip = '203.0.113.7') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: browser(t.ctx),
      payload: { identifier, password },
    });

  it('throttles 20 wrong passwords in a row, and refuses the right one while locked', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await login('khoa@example.vn', `sai lần thứ ${i}`)).statusCode);
    }
    // The default limit is 10 consecutive failures.
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);

    const locked = await login('khoa@example.vn', 'thuyền buồm nâu');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_THROTTLED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    clock.advance(15 * 60_000 + 1000);
    const open = await login('khoa@example.vn', 'thuyền buồm nâu');
    expect(open.statusCode).toBe(200);
  });

  it('locks an unknown identifier exactly like a real one, so 429 reveals nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push(
        (await login('khong.ton.tai@example.vn', `sai ${i}`, '198.51.100.9')).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    clock.advance(15 * 60_000 + 1000);
  });

  it('throttles one address trying many accounts (password spraying)', async () => {
    const ip = '192.0.2.44';
    let throttledAt = -1;
    for (let i = 0; i < 60; i += 1) {
      const res = await login(`nguoi${i}@example.vn`, 'mật khẩu đoán thử', ip);
      if (res.statusCode === 429) {
        throttledAt = i;
        expect(res.headers['retry-after']).toBeDefined();
        break;
      }
      expect(res.statusCode).toBe(401);
    }
    // 5 × LOGIN_MAX_FAILURES (10) failures are allowed per address in the window.
    expect(throttledAt).toBe(50);
    // The address is throttled even for a correct password; another address is not.
    expect((await login('ip@example.vn', 'thuyền buồm nâu', ip)).statusCode).toBe(429);
    expect((await login('ip@example.vn', 'thuyền buồm nâu', '192.0.2.45')).statusCode).toBe(200);
  });

  it('resets the count of failures after a successful sign-in', async () => {
    clock.advance(16 * 60_000);
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 9; i += 1) {
        expect((await login('ip@example.vn', `sai ${round}-${i}`, '192.0.2.80')).statusCode).toBe(
          401,
        );
      }
      await signIn(t.app, t.ctx, 'ip@example.vn', 'thuyền buồm nâu');
    }
  });
});

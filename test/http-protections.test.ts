/**
 * The protections every response gets: security headers, the CORS policy, rate limits,
 * overload shedding, and logs that never carry personal data.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestApp, type TestApp } from './support/harness';
import { loggerOptions } from '../src/kernel/logging/logger';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('security headers', () => {
  it('sends CSP without inline scripts, nosniff, frame-ancestors and no HSTS over plain HTTP', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends them on refusals too', async () => {
    t = await createTestApp();
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-route' });
    const invalid = await t.app.inject({ method: 'GET', url: '/api/geo/locate?lat=north' });
    for (const res of [missing, invalid]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends HSTS when the platform is reached over TLS', async () => {
    t = await createTestApp({ env: { TLS: 'true' } });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('CORS', () => {
  it('answers only the listed origins', async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://app.quangninh.gov.vn' } });
    const allowed = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://app.quangninh.gov.vn' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.quangninh.gov.vn');
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the limit', async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
    const responses = [];
    for (let i = 0; i < 7; i += 1) {
      responses.push(await t.app.inject({ method: 'GET', url: '/api/geo/provinces' }));
    }
    expect(responses.slice(0, 5).map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const refused = responses[6]!;
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Health probes are never limited.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('overload protection', () => {
  it('sheds requests with 503 OVERLOADED and Retry-After under memory pressure', async () => {
    // Any heap is above one byte: the guard trips at its first sample.
    t = await createTestApp({ env: { OVERLOAD_MAX_HEAP_USED_BYTES: '1' } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const res = await t.app.inject({ method: 'GET', url: '/api/geo/provinces' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('10');
    expect(res.json().error.code).toBe('OVERLOADED');
  });
});

describe('logs', () => {
  it('never write passwords, contact details or session cookies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const log = pino({ ...loggerOptions({ logLevel: 'trace' }) }, sink);
    t = await createTestApp({ log });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: 'tinhso_session=secret-session-token' },
      payload: { identifier: 'nguyen.van.a@example.vn', password: 'Mật-khẩu-bí-mật-123' },
    });
    log.error({ body: { phone: '+84912345678', email: 'a@b.vn' } }, 'a failure with personal data');
    const output = lines.join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain('Mật-khẩu-bí-mật-123');
    expect(output).not.toContain('secret-session-token');
    expect(output).not.toContain('+84912345678');
    expect(output).not.toContain('a@b.vn');
  });

  it('write one access line per request, with its request id and without its query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await createTestApp({ log: pino({ ...loggerOptions({ logLevel: 'info' }) }, sink) });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/geo/locate?lat=20.9549&lon=107.0782',
    });
    const access = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request completed');
    expect(access).toEqual([
      expect.objectContaining({
        requestId: res.headers['x-request-id'],
        method: 'GET',
        url: '/api/geo/locate',
        status: 200,
      }),
    ]);
    expect(lines.join('')).not.toContain('107.0782');
  });
});

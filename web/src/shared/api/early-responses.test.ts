import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { createApiClient, unwrap, type ApiClient } from './client';
import { fetchEarly, takeEarly } from './early-responses';

// Each answer of the platform carries its own X-Request-Id: the same id means the client
// used the early answer, a new one that it asked the server again.
const idOf = (response: Response) => response.headers.get('x-request-id');

describe('answers fetched before the app booted', () => {
  let t: TestApp;
  let origin: string;
  let client: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    client = createApiClient({
      baseUrl: origin,
      fetch: (request) => takeEarly(request) ?? fetch(request),
    });
  });
  afterAll(async () => t?.close());
  afterEach(() => vi.useRealTimers());

  it('are taken once by a GET of the same address, then the server is asked again', async () => {
    const early = await fetchEarly('/api/feedback/map?status=open', origin);
    const first = await client.GET('/api/feedback/map', { params: { query: { status: 'open' } } });
    expect(idOf(first.response)).toBe(idOf(early));
    expect(first.data?.type).toBe('FeatureCollection');

    const second = await client.GET('/api/feedback/map', { params: { query: { status: 'open' } } });
    expect(idOf(second.response)).not.toBe(idOf(early));
    expect(second.data?.features.length).toBe(first.data?.features.length);
  });

  it('are not taken by a request for another address', async () => {
    const early = await fetchEarly('/api/feedback/map?status=open', origin);
    const other = await client.GET('/api/feedback/map', { params: { query: { status: 'all' } } });
    expect(idOf(other.response)).not.toBe(idOf(early));
    // The early answer is still there for its own address.
    const own = await client.GET('/api/feedback/map', { params: { query: { status: 'open' } } });
    expect(idOf(own.response)).toBe(idOf(early));
  });

  it('leave the body to the app when the preloader read a copy', async () => {
    const early = fetchEarly('/api/config/public', origin);
    const copy = (await (await early).clone().json()) as { provinceCode: string };
    const config = await unwrap(client.GET('/api/config/public'));
    expect(copy.provinceCode).toBe('22');
    expect(config.provinceCode).toBe('22');
  });

  it('are never used once stale: the reader left the page long ago', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const early = await fetchEarly('/api/config/public', origin);
    vi.setSystemTime(Date.now() + 60_000);
    const late = await client.GET('/api/config/public');
    expect(idOf(late.response)).not.toBe(idOf(early));
  });

  it('are never taken by a write', () => {
    void fetchEarly('/api/auth/logout', origin).catch(() => undefined);
    const write = new Request(`${origin}/api/auth/logout`, { method: 'POST' });
    expect(takeEarly(write)).toBeUndefined();
  });
});

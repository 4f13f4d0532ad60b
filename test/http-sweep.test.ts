/**
 * Sends hostile input to every API route and checks that each answer is a 4xx in the one
 * error envelope — never a 500, never a stack trace. Routes are read from the OpenAPI
 * document, so a new route is swept without editing this test.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/harness';

interface Route {
  method: string;
  url: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function routesOf(doc: { paths: Record<string, Record<string, unknown>> }): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    // Path parameters get a value of the wrong kind, which must be a 4xx too.
    const url = path.replace(/\{[^}]+\}/g, 'not-a-real-id');
    for (const method of Object.keys(operations))
      routes.push({ method: method.toUpperCase(), url });
  }
  return routes;
}

function expectEnvelope(res: { statusCode: number; body: string }, label: string): void {
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, label).toBeLessThan(500);
  const body = JSON.parse(res.body);
  expect(typeof body.error?.code, label).toBe('string');
  expect(typeof body.error?.message, label).toBe('string');
  expect(typeof body.requestId, label).toBe('string');
  expect(res.body, label).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('hostile input on every route', () => {
  let t: TestApp;
  let routes: Route[];
  const random1MB = randomBytes(1024 * 1024);
  const body50MB = Buffer.alloc(50 * 1024 * 1024, 0x7b);

  beforeAll(async () => {
    t = await createTestApp();
    routes = routesOf(t.app.swagger() as never).filter((r) => BODY_METHODS.has(r.method));
  });
  afterAll(async () => t.close());

  it('finds the routes to sweep', () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  const cases: Array<{
    name: string;
    headers: Record<string, string>;
    payload: () => Buffer | string;
  }> = [
    {
      name: '1 MB of random bytes as JSON',
      headers: { 'content-type': 'application/json' },
      payload: () => random1MB,
    },
    {
      name: '1 MB of random bytes as octet-stream',
      headers: { 'content-type': 'application/octet-stream' },
      payload: () => random1MB,
    },
    {
      name: 'malformed JSON',
      headers: { 'content-type': 'application/json' },
      payload: () => '{"a": [1, 2,',
    },
    {
      name: 'a 50 MB body',
      headers: { 'content-type': 'application/json' },
      payload: () => body50MB,
    },
    {
      name: 'a wrong content type',
      headers: { 'content-type': 'application/xml' },
      payload: () => '<a/>',
    },
    { name: 'text/plain', headers: { 'content-type': 'text/plain' }, payload: () => 'hello' },
    {
      name: 'unknown fields',
      headers: { 'content-type': 'application/json' },
      payload: () => JSON.stringify({ surprise: true, __proto__: { admin: true } }),
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with a 4xx envelope on every route`, async () => {
      for (const route of routes) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: route.url,
          headers: { ...c.headers, 'x-requested-with': 'tinhso' },
          payload: c.payload(),
        });
        expectEnvelope(res, `${c.name} → ${route.method} ${route.url}`);
      }
    });
  }

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const route = routes[0]!;
    const res = await t.app.inject({
      method: route.method as 'POST',
      url: route.url,
      headers: { 'content-type': 'application/json' },
      payload: body50MB,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers garbage query strings on GET routes without a 500', async () => {
    const getRoutes = routesOf(t.app.swagger() as never).filter((r) => r.method === 'GET');
    for (const route of getRoutes) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${route.url}?page=-1&pageSize=abc&lat=north&lon=%00&from=yesterday&q=${'x'.repeat(5000)}`,
      });
      expect(res.statusCode, `GET ${route.url}`).toBeLessThan(500);
    }
  });
});

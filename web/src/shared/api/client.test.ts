import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { ApiError, NETWORK_ERROR, toApiError } from './api-error';
import { createApiClient, CSRF_HEADER, CSRF_VALUE, unwrap, type ApiClient } from './client';
import { errorText, fieldErrors } from './error-text';
import { translate } from '../i18n/translate';

describe('the web API client against the platform', () => {
  let t: TestApp;
  let client: ApiClient;
  const sent: { method: string; csrf: string | null }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    client = createApiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      fetch: async (request: Request) => {
        sent.push({ method: request.method, csrf: request.headers.get(CSRF_HEADER) });
        return fetch(request);
      },
    });
  });
  afterAll(async () => t?.close());

  it('returns the typed data of a success', async () => {
    const config = await unwrap(client.GET('/api/config/public'));
    expect(config.provinceCode).toBe('22');
    expect(config.provinceName).toBe('Tỉnh Quảng Ninh');
  });

  it('turns the error envelope into an ApiError with the request id', async () => {
    const failure = await unwrap(client.GET('/api/ops/summary')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    const error = failure as ApiError;
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.status).toBe(401);
    expect(error.requestId).toMatch(/.+/);
    expect(errorText(error, 'vi', (key, params) => translate('vi', key, params))).toBe(
      'Vui lòng đăng nhập để tiếp tục.',
    );
  });

  it('names the fields of a validation failure', async () => {
    const failure = await unwrap(
      client.POST('/api/auth/login', { body: { identifier: '', password: 'mật khẩu' } }),
    ).catch((error: unknown) => error);
    const error = failure as ApiError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldProblems.map((problem) => problem.field)).toContain('identifier');
    const vi = fieldErrors(error, 'vi', (key, params) => translate('vi', key, params));
    expect(vi.identifier).toBe('Giá trị không hợp lệ.');
  });

  it('sends the CSRF header on writes only', () => {
    const reads = sent.filter((request) => request.method === 'GET');
    const writes = sent.filter((request) => request.method === 'POST');
    expect(reads.length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(0);
    expect(reads.every((request) => request.csrf === null)).toBe(true);
    expect(writes.every((request) => request.csrf === CSRF_VALUE)).toBe(true);
  });

  it('reports an unreachable server as a network error', async () => {
    const offline = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    const failure = await unwrap(offline.GET('/api/config/public')).catch((e: unknown) => e);
    expect((failure as ApiError).code).toBe(NETWORK_ERROR);
    expect(errorText(failure, 'en', (key, params) => translate('en', key, params))).toBe(
      'The server cannot be reached. Check your network and try again.',
    );
  });
});

describe('toApiError', () => {
  it('keeps the wait asked by Retry-After', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '12' } });
    const error = toApiError(response, {
      error: { code: 'RATE_LIMITED', message: 'Too many requests.' },
      requestId: 'r-1',
    });
    expect(error.retryAfterSeconds).toBe(12);
    expect(errorText(error, 'vi', (key, params) => translate('vi', key, params))).toBe(
      'Quá nhiều yêu cầu; vui lòng thử lại sau. Vui lòng thử lại sau 12 giây.',
    );
  });

  it('does not invent a code when a proxy answers with HTML', () => {
    const response = new Response('<html>Bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    const error = toApiError(response, '<html>Bad gateway</html>');
    expect(error.code).toBe('HTTP_502');
    expect(error.status).toBe(502);
  });
});

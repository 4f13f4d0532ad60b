/**
 * The typed API client of the web app: openapi-fetch over the types generated from the
 * platform's OpenAPI document (npm run gen:api). Requests go to the same origin with the
 * session cookie; every state-changing request carries `X-Requested-With: tinhso`, the
 * header the platform requires of cookie-authenticated writes (its CSRF defence).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi';
import { ApiError, toApiError } from './api-error';
import { takeEarly } from './early-responses';

export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_VALUE = 'tinhso';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfHeader: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      request.headers.set(CSRF_HEADER, CSRF_VALUE);
    }
    return request;
  },
};

export interface ApiClientOptions {
  /** Origin of the platform; the page's own origin in the browser. */
  baseUrl?: string;
  /** Replaces the global fetch (it receives the finished Request). */
  fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(csrfHeader);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client the web app uses; it takes the answers fetched early for the first page. */
export const api: ApiClient = createApiClient({
  fetch: (request) => takeEarly(request) ?? globalThis.fetch(request),
});

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Waits for a request and returns its data, or throws an ApiError: the error envelope of a
 * refusal, or NETWORK_ERROR when the server could not be reached.
 */
export async function unwrap<T>(pending: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await pending;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!outcome.response.ok) throw toApiError(outcome.response, outcome.error);
  return outcome.data as T;
}

export { ApiError };

/**
 * Cross-site request forgery defence: the Origin check with Fetch Metadata as fallback
 * (OWASP CSRF cheat sheet, "verifying origin with standard headers"), and a custom header
 * for the rare client that sends neither. Browsers add Origin and Sec-Fetch-Site themselves
 * and pages cannot forge them; a page on another site cannot add a custom header to a
 * request here without a CORS preflight, which only CORS_ORIGINS pass.
 *
 * For every state-changing request (not GET, HEAD or OPTIONS):
 * - an `Origin` header must name the platform itself (PUBLIC_URL, or the host the request
 *   was addressed to) or an origin listed in CORS_ORIGINS; any other origin, and the opaque
 *   `null`, is refused, whatever other headers say;
 * - without `Origin`, `Sec-Fetch-Site` must be `same-origin`;
 * - with neither, a request that carries the session cookie must carry
 *   `X-Requested-With: tinhso` (the web app's client adds it to every write). Requests
 *   without the cookie (scripts, Open311 clients, API keys) cannot ride a person's session
 *   and pass.
 * SameSite=Lax on the cookie is a second, independent layer.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'tinhso';

export type OriginVerdict = 'same' | 'foreign' | 'absent';

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

export function requestOriginVerdict(
  request: FastifyRequest,
  config: Pick<Config, 'publicUrl' | 'corsOrigins'>,
): OriginVerdict {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    return allowedOrigins(request, config).has(origin.toLowerCase()) ? 'same' : 'foreign';
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '') return site === 'same-origin' ? 'same' : 'foreign';
  return 'absent';
}

function allowedOrigins(
  request: FastifyRequest,
  config: Pick<Config, 'publicUrl' | 'corsOrigins'>,
): Set<string> {
  const allowed = new Set(config.corsOrigins.map((origin) => origin.toLowerCase()));
  allowed.add(new URL(config.publicUrl).origin.toLowerCase());
  try {
    allowed.add(new URL(`${request.protocol}://${request.host}`).origin.toLowerCase());
  } catch {
    // A malformed Host header adds nothing.
  }
  return allowed;
}

/** Whether a request must be refused as a possible forgery. */
export function isForgeryRisk(
  request: FastifyRequest,
  config: Pick<Config, 'publicUrl' | 'corsOrigins'>,
  carriesSessionCookie: boolean,
): boolean {
  if (isSafeMethod(request.method)) return false;
  const verdict = requestOriginVerdict(request, config);
  if (verdict !== 'absent') return verdict === 'foreign';
  return carriesSessionCookie && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE;
}

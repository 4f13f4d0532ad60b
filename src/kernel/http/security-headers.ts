/**
 * The security headers of every response: a Content-Security-Policy without inline scripts,
 * frame-ancestors 'none', nosniff, HSTS when the platform is served over TLS, and the
 * cross-origin isolation headers browsers expect of a government site.
 *
 * They depend only on the configuration, so they are computed once at start and copied onto
 * each reply by one synchronous hook (docs/decisions/0006: the same headers as a
 * general-purpose middleware, at a fraction of its cost per request).
 */
import type { Api } from './api';
import type { Config } from '../config/config';

type HeaderConfig = Pick<Config, 'tls' | 'mapTileUrl'>;

function contentSecurityPolicy(config: HeaderConfig): string {
  // Map tiles may come from a tile server of the province's choosing.
  const tileOrigin = config.mapTileUrl
    ? new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin
    : null;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['base-uri', ["'self'"]],
    ['font-src', ["'self'", 'data:']],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])]],
    ['object-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['script-src-attr', ["'none'"]],
    // MapLibre and ECharts set element styles at run time.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['connect-src', ["'self'", ...(tileOrigin ? [tileOrigin] : [])]],
    ['worker-src', ["'self'", 'blob:']],
  ];
  if (config.tls) directives.push(['upgrade-insecure-requests', []]);
  return directives.map(([name, values]) => [name, ...values].join(' ')).join(';');
}

export function securityHeaders(config: HeaderConfig): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': contentSecurityPolicy(config),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(config.tls ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    // frame-ancestors supersedes it; kept, with the same answer, for browsers that only know this one.
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    // The legacy XSS auditor is itself exploitable; '0' turns it off.
    'x-xss-protection': '0',
  });
}

export function registerSecurityHeaders(app: Api, config: HeaderConfig): void {
  const headers = securityHeaders(config);
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/**
 * Protections every response gets: security headers (CSP, HSTS over TLS, nosniff,
 * frame-ancestors), the CORS policy, per-client rate limits and overload shedding.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { Api } from './api';
import type { Config } from '../config/config';
import { registerSecurityHeaders } from './security-headers';
import { AppError } from '../errors/app-error';
import { httpErrors } from '../errors/common.errors';

export async function registerSecurity(app: Api, config: Readonly<Config>): Promise<void> {
  registerSecurityHeaders(app, config);

  // No origin listed: same-origin only, no CORS headers at all.
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Content-Type',
      'Authorization',
      'Idempotency-Key',
      'X-Request-Id',
      'X-Api-Key',
    ],
    exposedHeaders: ['Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
    maxAge: 600,
  });

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Health probes come from load balancers at a fixed rate.
    allowList: (request) => request.url === '/api/health' || request.url === '/api/ready',
    errorResponseBuilder: (_request, context) => {
      const retryAfter = String(Math.max(1, Math.ceil(context.ttl / 1000)));
      return new AppError(
        'RATE_LIMITED',
        429,
        httpErrors.specs.RATE_LIMITED.message,
        { limit: context.max, retryAfterSeconds: Number(retryAfter) },
        { 'Retry-After': retryAfter },
      );
    },
  });

  await app.register(underPressure, {
    maxEventLoopDelay: config.overloadMaxEventLoopDelayMs,
    maxHeapUsedBytes: config.overloadMaxHeapUsedBytes,
    retryAfter: 10,
    pressureHandler: (_request, reply, type) => {
      void reply
        .header('Retry-After', '10')
        .status(503)
        .send({
          error: {
            code: 'OVERLOADED',
            message: httpErrors.specs.OVERLOADED.message,
            details: { pressure: type },
          },
          requestId: _request.id,
        });
    },
  });
}

/**
 * Builds the HTTP application: kernel protections, the API of every part under /api, the
 * OpenAPI document and the web app. It never listens; `main.ts` does, and tests use
 * `app.inject()`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from './kernel/context';
import './kernel/auth/principal';
import type { Manifest } from './kernel/manifest';
import type { Api } from './kernel/http/api';
import { errorHandler, envelope } from './kernel/errors/error-handler';
import { httpErrors } from './kernel/errors/common.errors';
import { registerSecurity } from './kernel/http/security';
import { registerAuth } from './kernel/auth/register-auth';
import { registerOpenApi } from './kernel/http/openapi';
import { healthRoutes, type ReadinessProbe } from './kernel/http/health.routes';
import { registerIdempotency } from './kernel/http/idempotency';
import { registerWebApp } from './kernel/http/web-app';

export interface BuildAppOptions {
  ctx: AppContext;
  manifests: readonly Manifest[];
  probes?: ReadinessProbe[];
  /** Folder of the built web app; the app is served only when it exists. */
  webDir?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A write route without a body schema takes no body: fields sent to it are unknown fields
 * (400), not silently ignored, like everywhere else.
 */
function refuseBodiesWhereNoneIsExpected(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.some((m) => BODY_METHODS.includes(m)) || route.schema?.body) return;
  if (!route.url.startsWith('/api/')) return;
  const existing = route.preValidation ? [route.preValidation].flat() : [];
  route.preValidation = [
    ...existing,
    async (request: FastifyRequest) => {
      const body = request.body;
      if (body === undefined || body === null) return;
      const fields =
        typeof body === 'object' && !Buffer.isBuffer(body) ? Object.keys(body) : ['(body)'];
      if (fields.length === 0) return;
      throw httpErrors.VALIDATION_FAILED(
        fields.map((field) => ({ field: `body.${field}`, message: 'unknown field' })),
      );
    },
  ] as RouteOptions['preValidation'];
}

export async function buildApp(options: BuildAppOptions): Promise<Api> {
  const { ctx } = options;
  // Typed as Fastify's logger interface so the instance keeps the plain `Api` type.
  const logger: FastifyBaseLogger = ctx.log;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: {
      customOptions: {
        // Unknown fields are an error, not silently dropped.
        removeAdditional: false,
        allErrors: true,
        coerceTypes: 'array',
        useDefaults: true,
        // `type: ['string', 'number', 'boolean']` rather than anyOf where a value may be any
        // of them: with coercion, anyOf would turn `5` into `"5"` by trying string first
        // (kernel/forms/form-definition.schema.ts).
        allowUnionTypes: true,
      },
    },
    return503OnClosing: true,
    // One access-log line per request (onResponse below) instead of Fastify's two, each
    // line labelled `requestId` like the error envelope.
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal', null);
  // Synchronous hooks: they run on every request, and an async one costs a promise each.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
  app.setErrorHandler(errorHandler);
  app.addHook('onRoute', refuseBodiesWhereNoneIsExpected);
  // Only JSON (and multipart where a route registers it) is accepted.
  app.removeContentTypeParser('text/plain');

  await registerSecurity(app, ctx.config);
  await registerAuth(app, ctx);
  await registerOpenApi(app, ctx.config);
  await registerIdempotency(app, ctx);

  await app.register(
    async (api) => {
      await healthRoutes(api, ctx, options.probes ?? []);
      for (const manifest of options.manifests) {
        if (manifest.routes) await manifest.routes(api, ctx);
      }
    },
    { prefix: '/api' },
  );
  // Standard protocols with their own fixed paths (Manifest.rootRoutes).
  for (const manifest of options.manifests) {
    if (manifest.rootRoutes) await manifest.rootRoutes(app, ctx);
  }

  const sendWebApp = options.webDir ? await registerWebApp(app, options.webDir) : null;
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (!sendWebApp || !isPage || request.url === '/api' || request.url.startsWith('/api/')) {
      return reply.status(404).send(envelope(httpErrors.ROUTE_NOT_FOUND(), request.id));
    }
    return sendWebApp(request, reply);
  });

  return app;
}

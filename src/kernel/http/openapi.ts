/**
 * OpenAPI 3 generated from the route schemas (never written by hand), served at
 * /api/openapi.json, with an interactive docs page at /api/docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Api } from './api';
import type { Config } from '../config/config';

export async function registerOpenApi(app: Api, config: Readonly<Config>): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'tinhso API',
        description:
          'API of the tinhso digital-province platform. Errors use one envelope: ' +
          '`{"error":{"code","message","details"},"requestId"}`; codes are listed in docs/errors.md.',
        version: '0.1.0',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: config.tls ? '__Host-tinhso_session' : 'tinhso_session',
          },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
    },
    // Routes outside /api (the web app) are not part of the API.
    hideUntagged: false,
    transform: ({ schema, url }) => {
      if (!url.startsWith('/api/') || url.startsWith('/api/docs')) {
        return { schema: { ...(schema ?? {}), hide: true }, url };
      }
      return { schema, url };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

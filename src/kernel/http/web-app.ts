/**
 * Serves the built web app (portal `/`, console `/console`, ops `/ops`): hashed assets with
 * long-lived caching, and index.html for every other page path so client-side routes
 * survive a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from './api';

export type SendWebApp = (request: FastifyRequest, reply: FastifyReply) => FastifyReply;

export async function registerWebApp(app: Api, webDir: string): Promise<SendWebApp | null> {
  const indexFile = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: true,
    // The root is a folder to the static handler; its index is the portal's home page.
    index: ['index.html'],
    setHeaders: (res, filePath) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (_request, reply) =>
    reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html');
}

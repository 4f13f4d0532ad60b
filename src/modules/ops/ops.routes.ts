/**
 * Ops routes: the public client configuration, and the operations-center summary as JSON
 * and as a server-sent event stream.
 */
import { PassThrough, type Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { requirePermission } from '../../kernel/auth/guards';
import { OpsSummary, PublicConfig } from './ops.schemas';
import { getOpsSummary, publicConfig } from './ops.service';
import { createSummaryFeed } from './summary-feed';

/** How often open screens receive a fresh summary. */
export const SUMMARY_PUSH_SECONDS = 15;

const ErrorEnvelope = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
  requestId: Type.String(),
});

function eventFrame(summary: OpsSummary): string {
  return `event: summary\ndata: ${JSON.stringify(summary)}\n\n`;
}

export async function opsRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/config/public',
    {
      schema: {
        tags: ['platform'],
        summary: 'Settings the web app needs before sign-in (province, map tiles, language)',
        response: { 200: PublicConfig },
      },
    },
    async (_request, reply) => {
      void reply.header('Cache-Control', 'no-cache');
      return publicConfig(ctx);
    },
  );

  app.get(
    '/ops/summary',
    {
      schema: {
        tags: ['ops'],
        summary: 'Live counters of the operations center (permission ops.view)',
        security: [{ session: [] }, { apiKey: [] }],
        response: { 200: OpsSummary, 401: ErrorEnvelope, 403: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'ops.view');
      void reply.header('Cache-Control', 'no-store');
      return getOpsSummary(ctx);
    },
  );

  const feed = createSummaryFeed(() => getOpsSummary(ctx), SUMMARY_PUSH_SECONDS * 1000, ctx.log);
  const openStreams = new Set<PassThrough>();
  // Open event streams would otherwise keep the server from closing.
  app.addHook('preClose', async () => {
    feed.close();
    for (const stream of openStreams) stream.end();
  });

  app.get(
    '/ops/summary/stream',
    {
      schema: {
        tags: ['ops'],
        summary: `The ops summary as server-sent events: one "summary" event now, then every ${SUMMARY_PUSH_SECONDS} s (permission ops.view)`,
        security: [{ session: [] }, { apiKey: [] }],
        response: {
          200: {
            description: 'text/event-stream of `event: summary` frames whose data is an OpsSummary',
            content: {
              // Typed as the stream the handler sends; documented as text.
              'text/event-stream': { schema: Type.Unsafe<Readable>({ type: 'string' }) },
            },
          },
          401: ErrorEnvelope,
          403: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'ops.view');
      // Computed before the stream opens, so a failure still answers with the error envelope.
      const first = await getOpsSummary(ctx);
      const stream = new PassThrough();
      openStreams.add(stream);
      stream.write(`retry: ${SUMMARY_PUSH_SECONDS * 1000}\n\n`);
      stream.write(eventFrame(first));
      const unsubscribe = feed.subscribe((summary) => stream.write(eventFrame(summary)));
      reply.raw.once('close', () => {
        unsubscribe();
        openStreams.delete(stream);
        stream.end();
      });
      return reply
        .header('Content-Type', 'text/event-stream; charset=utf-8')
        .header('Cache-Control', 'no-store, no-transform')
        .header('X-Accel-Buffering', 'no')
        .send(stream);
    },
  );
}

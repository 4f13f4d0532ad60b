/**
 * Report statistics routes: the public agency scorecard, the map feed for the portal and the
 * operations layer, and the operations-center KPIs (permission ops.view). The scorecard and
 * the map are public and carry no personal data; they may be cached briefly.
 */
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { PERMISSIONS, requirePermission } from '../../kernel/auth';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { httpErrors } from '../../kernel/errors/common.errors';
import { feedbackDb } from './feedback-db';
import { ProblemResponse as Problem } from './feedback.schemas';
import { feedbackOpsKpis } from './feedback-ops.queries';
import { MAP_POINT_CAP, reportMapFeedJson } from './report-map.queries';
import { agencyScorecard } from './scorecard.queries';
import { FeedbackOpsKpis, MapFeed, MapQuery, Scorecard, ScorecardQuery } from './stats.schemas';

const TAGS = ['feedback'];
const DAY_MS = 86_400_000;
export const SCORECARD_DEFAULT_DAYS = 90;
/** The longest scorecard window: three years keeps one answer's arithmetic bounded. */
export const SCORECARD_MAX_DAYS = 1096;

function scorecardWindow(query: ScorecardQuery, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - SCORECARD_DEFAULT_DAYS * DAY_MS);
  if (from >= to) {
    throw httpErrors.VALIDATION_FAILED([{ field: 'from', message: 'must be before to' }]);
  }
  if (to.getTime() - from.getTime() > SCORECARD_MAX_DAYS * DAY_MS) {
    throw httpErrors.VALIDATION_FAILED([
      { field: 'from', message: `the window may span at most ${SCORECARD_MAX_DAYS} days` },
    ]);
  }
  return { from, to };
}

export async function statsRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/feedback/scorecard',
    {
      schema: {
        tags: TAGS,
        summary:
          'Bảng xếp hạng cơ quan trả lời phản ánh — the public agency scorecard (default: last 90 days)',
        querystring: ScorecardQuery,
        response: { 200: Scorecard, 400: Problem },
      },
    },
    async (request, reply) => {
      const now = ctx.clock.now();
      const window = scorecardWindow(request.query, now);
      const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
      void reply.header('Cache-Control', 'public, max-age=300');
      return agencyScorecard(feedbackDb(ctx), calendar, window, now);
    },
  );

  app.get(
    '/feedback/map',
    {
      schema: {
        tags: TAGS,
        summary: `Bản đồ phản ánh (GeoJSON) — public reports as map points, at most ${MAP_POINT_CAP}, newest first`,
        querystring: MapQuery,
        response: { 200: MapFeed, 400: Problem },
      },
    },
    async (request, reply) => {
      const { status, categoryCode, communeCode, from, to } = request.query;
      const feed = await reportMapFeedJson(
        feedbackDb(ctx),
        {
          status,
          categoryCode,
          communeCode,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
        },
        ctx.clock.now(),
      );
      // Already JSON text (reportMapFeedJson): sent as it is, not serialized again.
      return (
        reply
          .header('Cache-Control', 'public, max-age=30')
          .type('application/json; charset=utf-8')
          // The typed reply expects the object the schema describes (kept for the API's
          // documentation and client); a string is sent by Fastify without serialization.
          .send(feed as unknown as MapFeed)
      );
    },
  );

  app.get(
    '/feedback/ops',
    {
      schema: {
        tags: ['ops'],
        summary:
          'Chỉ số phản ánh cho trung tâm điều hành — citizen-report KPIs (permission ops.view)',
        security: [{ session: [] }, { apiKey: [] }],
        response: { 200: FeedbackOpsKpis, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      requirePermission(request, PERMISSIONS.opsView);
      void reply.header('Cache-Control', 'no-store');
      return feedbackOpsKpis(feedbackDb(ctx), ctx.clock.now(), ctx.config.timezone);
    },
  );
}

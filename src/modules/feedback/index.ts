/**
 * feedback — citizen reports ("Smart Quảng Ninh"): a citizen reports a problem at a place,
 * the responsible agency receives, handles and answers it, the citizen rates the answer, and
 * the operations center watches the flow. Open311 GeoReport v2 lets other systems do the same.
 *
 * Tables owned: feedback_category, feedback_routing, feedback_report, feedback_reporter
 * (personal data, never joined by a public query), feedback_media, feedback_history,
 * feedback_follower.
 * Events published: `feedback.report_changed` (every change, with its public message only).
 * Events consumed: its own `feedback.report_changed`, fanned out to webhook subscribers.
 */
import type { Manifest } from '../../kernel/manifest';
import * as createTables from './migrations/20261121100000_feedback_create_tables';
import { citizenRoutes } from './citizen.routes';
import { inboxRoutes } from './inbox.routes';
import { open311Routes } from './open311/open311.routes';
import { statsRoutes } from './stats.routes';
import { routingRoutes } from './routing.routes';
import { grantFeedbackPermissions } from './feedback.permissions';
import { escalationJob } from './escalation';
import { webhookFanOut } from '../../kernel/webhooks';
import { REPORT_CHANGED_EVENT } from './report-change';
import { loadFeedbackCategories } from '../../../seed/feedback-categories';
import { loadFeedbackDemoReports } from '../../../seed/feedback-demo-reports';

export const feedbackManifest: Manifest = {
  name: 'feedback',
  migrations: {
    '20261121100000_feedback_create_tables': createTables,
  },
  routes: async (app, ctx) => {
    await citizenRoutes(app, ctx);
    await inboxRoutes(app, ctx);
    await statsRoutes(app, ctx);
    await routingRoutes(app, ctx);
  },
  // Open311 GeoReport v2 lives at /open311/v2/, where its clients look for it.
  rootRoutes: open311Routes,
  seed: {
    // `feedback.routing.manage` for the province administrators.
    reference: grantFeedbackPermissions,
    // Quảng Ninh's categories and routing, and a year of reports so that maps and
    // scorecards look like a living province on the first start.
    demo: async (ctx) => {
      await loadFeedbackCategories(ctx.db);
      await loadFeedbackDemoReports(ctx.db, {
        now: ctx.clock.now(),
        calendar: ctx.config,
        count: 4000,
      });
    },
  },
  // Subscribed systems (an Open311 back office, a city's other software) hear every change.
  handlers: [webhookFanOut(REPORT_CHANGED_EVENT)],
  jobs: [escalationJob],
};

export type { FeedbackTables } from './feedback.tables';
export { newTrackingCode, normaliseTrackingCode } from './tracking-code';
export { communeCommitteeSql, responsibleAgencySql, responsibleAgencyId } from './routing';
// The map feed's query, for the benchmark's bare baseline (bench/feedback-map.servers.ts).
export { feedbackDb } from './feedback-db';
export { reportMapFeedJson } from './report-map.queries';

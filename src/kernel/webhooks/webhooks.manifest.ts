/** The webhooks part: its tables, its admin API and the handler that sends deliveries. */
import type { Manifest } from '../manifest';
import * as createTables from './migrations/20261121005500_webhooks_create_tables';
import { webhookRoutes } from './webhooks.routes';
import { deliverWebhookHandler } from './webhooks.deliver';

export const webhooksManifest: Manifest = {
  name: 'webhooks',
  migrations: { '20261121005500_webhooks_create_tables': createTables },
  routes: webhookRoutes,
  handlers: [deliverWebhookHandler],
};

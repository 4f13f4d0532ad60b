/** The outbox's part: its tables, the purge of old deliveries and the dead-letter admin API. */
import type { Manifest } from '../manifest';
import * as createOutbox from './migrations/20261121004100_events_create_outbox';
import { eventsRoutes } from './events.routes';
import { purgeDeliveredEvents } from './events.purge';

export const eventsManifest: Manifest = {
  name: 'events',
  migrations: { '20261121004100_events_create_outbox': createOutbox },
  routes: eventsRoutes,
  jobs: [
    {
      name: 'events.purge_delivered',
      everySeconds: 3600,
      run: async (ctx) => void (await purgeDeliveredEvents(ctx)),
    },
  ],
};

/**
 * Agencies: the tree of the province's administrative bodies and the communes each serves.
 * Tables: agency, agency_commune. Demo seed: the Quảng Ninh agencies (seed/quang-ninh-agencies.ts).
 */
import type { Manifest } from '../manifest';
import { loadQuangNinhAgencies } from '../../../seed/quang-ninh-agencies';
import * as createAgency from './migrations/20261121001000_agencies_create_agency';
import * as linkAdminCommune from './migrations/20261121001002_agencies_link_admin_commune';
import { agencyRoutes } from './agencies.routes';

export const agenciesManifest: Manifest = {
  name: 'agencies',
  migrations: {
    '20261121001000_agencies_create_agency': createAgency,
    '20261121001002_agencies_link_admin_commune': linkAdminCommune,
  },
  routes: agencyRoutes,
  seed: {
    demo: async (ctx) => {
      const ids = await loadQuangNinhAgencies(ctx.db);
      ctx.log.info({ agencies: ids.size }, 'Quảng Ninh demo agencies ready');
    },
  },
};

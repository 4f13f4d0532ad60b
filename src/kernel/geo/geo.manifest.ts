/**
 * Geo: the administrative units of Vietnam (provinces, communes, wards, special zones), the
 * boundaries of the covered province, and point → commune lookup. Tables: admin_province,
 * admin_commune, admin_commune_piece (the boundaries cut small for lookup). Reference seed: the units and boundaries shipped in seed/data/admin-units.
 */
import type { Manifest } from '../manifest';
import { loadAdminUnits } from '../../../seed/admin-units';
import * as createAdminUnits from './migrations/20261121001001_geo_create_admin_units';
import * as createCommunePiece from './migrations/20261121120000_geo_create_commune_piece';
import { geoRoutes } from './geo.routes';

export const geoManifest: Manifest = {
  name: 'geo',
  migrations: {
    '20261121001001_geo_create_admin_units': createAdminUnits,
    '20261121120000_geo_create_commune_piece': createCommunePiece,
  },
  routes: geoRoutes,
  seed: {
    reference: async (ctx) => {
      const result = await loadAdminUnits(ctx.db);
      ctx.log.info(
        result,
        result.loaded ? 'administrative units loaded' : 'administrative units up to date',
      );
    },
  },
};

/** Agencies: the tree of the province's administrative bodies and the communes each serves. */
import type { Manifest } from '../manifest';
import * as createAgency from './migrations/20261121001000_agencies_create_agency';

export const agenciesManifest: Manifest = {
  name: 'agencies',
  migrations: { '20261121001000_agencies_create_agency': createAgency },
};

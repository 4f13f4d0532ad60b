/** The database's own part: extensions and shared SQL functions. */
import type { Manifest } from '../manifest';
import * as createExtensions from './migrations/20261121000000_kernel_create_extensions';
import * as createSeedMarker from './migrations/20261121000010_kernel_create_seed_marker';

export const dbManifest: Manifest = {
  name: 'db',
  migrations: {
    '20261121000000_kernel_create_extensions': createExtensions,
    '20261121000010_kernel_create_seed_marker': createSeedMarker,
  },
};

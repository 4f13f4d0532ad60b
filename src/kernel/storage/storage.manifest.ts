/**
 * File storage: content-addressed files on disk (or, later, an S3-compatible store), their
 * metadata in `stored_file`, upload and download routes, and the clean-up job.
 */
import type { Manifest } from '../manifest';
import * as createStoredFile from './migrations/20261121005000_storage_create_stored_file';
import { storageRoutes } from './storage.routes';
import { cleanUpStorage } from './storage-cleanup';

export const storageManifest: Manifest = {
  name: 'storage',
  migrations: { '20261121005000_storage_create_stored_file': createStoredFile },
  routes: storageRoutes,
  jobs: [
    {
      name: 'storage.clean_up',
      everySeconds: 15 * 60,
      run: async (ctx) => void (await cleanUpStorage(ctx)),
    },
  ],
};

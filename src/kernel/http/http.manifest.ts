/** The HTTP layer's own part: the idempotency-key store and its clean-up. */
import type { Manifest } from '../manifest';
import * as createIdempotencyKey from './migrations/20261121000100_http_create_idempotency_key';
import { purgeExpiredIdempotencyKeys } from './idempotency';

export const httpManifest: Manifest = {
  name: 'http',
  migrations: { '20261121000100_http_create_idempotency_key': createIdempotencyKey },
  jobs: [
    {
      name: 'http.purge_idempotency_keys',
      everySeconds: 3600,
      run: async (ctx) => void (await purgeExpiredIdempotencyKeys(ctx)),
    },
  ],
};

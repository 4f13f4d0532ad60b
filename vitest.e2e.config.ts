import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (`npm run test:e2e`): they start the real platform and drive
// Debian's Chromium, so they run one file at a time and are kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
  },
});

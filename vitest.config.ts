import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Test files share a worker's module cache: the sample run (test/helpers/sample-run.ts) and the
    // @stdlib/vitest imports are made once per worker instead of once per file (4 min → 70 s here).
    // No test mocks modules or changes process-wide state it does not restore.
    isolate: false,
  },
});

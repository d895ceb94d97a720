import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/setup/heavy-first.js';

/**
 * One project for every test file: vitest reuses a worker (isolate: false) only for files of the project
 * it started with, so two projects (unit and integration, before) meant twice the workers, each loading
 * and transforming the same sources and reading the sample again (~6 CPU-seconds for 8 files of both).
 * What only the command line, contract and end-to-end tests need, the built command's runs of the sample,
 * is made on first use by the first worker that asks (test/helpers/sample-output.ts), so a run of tests
 * that reads none of it makes none.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Every core (vitest's default leaves one free: a single worker on a 2-core machine).
    maxWorkers: availableParallelism(),
    // Test files share a worker's module cache: the sample run (test/helpers/sample-run.ts) and the
    // @stdlib/vitest imports are made once per worker instead of once per file (4 min → 70 s here).
    // No test mocks modules or changes process-wide state it does not restore.
    isolate: false,
    // The longest files start first (test/setup/heavy-first.ts).
    sequence: { sequencer: HeavyFirstSequencer },
    // One temporary root per run (TMPDIR for the workers and what they start), removed at the end.
    globalSetup: ['test/setup/temp-root.ts'],
  },
});

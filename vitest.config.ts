import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/setup/heavy-first.js';

/**
 * Integration tests: the command line, the contracts, and what reads the built command's runs of the
 * sample. Their project builds the command and analyses the bundled sample with it once per blinding
 * mode for the whole run (test/setup/sample-outputs.ts, read through test/helpers/sample-output.ts); a
 * run of unit tests only skips that. Files that analyse the sample in-process (test/helpers/sample-run.ts)
 * and read no shared output belong to the unit project, so that fewer workers (a worker serves one
 * project) load the sample and the modules that analyse it.
 */
const INTEGRATION = [
  'test/cli/**/*.test.ts',
  'test/contract/**/*.test.ts',
  'test/e2e/analyze.test.ts',
  'test/e2e/shared-sample-outputs.test.ts',
  'test/pipeline/submission.test.ts',
  'test/robustness/**/*.test.ts',
  'test/render/rtf-libreoffice.test.ts',
];

/** What both projects share. */
const common = {
  testTimeout: 120_000,
  hookTimeout: 300_000,
  pool: 'forks',
  // Test files share a worker's module cache: the sample run (test/helpers/sample-run.ts) and the
  // @stdlib/vitest imports are made once per worker instead of once per file (4 min → 70 s here).
  // No test mocks modules or changes process-wide state it does not restore.
  isolate: false,
} as const;

export default defineConfig({
  test: {
    // Every core (vitest's default leaves one free: a single worker on a 2-core machine).
    maxWorkers: availableParallelism(),
    // The longest files start first (test/setup/heavy-first.ts).
    sequence: { sequencer: HeavyFirstSequencer },
    // One temporary root per run (TMPDIR for the workers and what they start), removed at the end.
    globalSetup: ['test/setup/temp-root.ts'],
    projects: [
      { test: { ...common, name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION } },
      {
        test: {
          ...common,
          name: 'integration',
          include: INTEGRATION,
          globalSetup: ['test/setup/temp-root.ts', 'test/setup/sample-outputs.ts'],
        },
      },
    ],
  },
});

/**
 * A run that fails after the figure specs went to the figure thread: the error is the run's own, and the
 * figures' promise (which rejects when the CLI then stops the thread) is not left unhandled — else the
 * CLI printed a second, misleading "figure thread exited without its figures" error beside exit 70's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { runPipelineAsync } from '../../src/pipeline/run-pipeline.js';
import { runInputs } from '../helpers/sample-run.js';
import { MINI_LOCK, MINI_RANDOMIZATION } from '../lock/lock-fixture.js';

describe('runPipelineAsync when a later stage fails', () => {
  it('rejects with that stage error and leaves no unhandled rejection from the figures', async () => {
    const root = packageRoot();
    const mini = await runInputs(join(root, MINI_LOCK), join(root, MINI_RANDOMIZATION));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let figuresRequested = false;
      const run = runPipelineAsync({
        ...mini,
        // The figure thread, stopped after the failure: its figures never come.
        renderFigures: () => {
          figuresRequested = true;
          return new Promise((_, reject) =>
            setTimeout(() => reject(new Error('the figure thread exited (1) without its figures')), 5),
          );
        },
        output: {
          set: (path: string) => {
            if (path.startsWith('listings/')) throw new Error(`disk full writing ${path}`);
          },
        },
      });
      await expect(run).rejects.toThrow(/^disk full writing listings\//);
      expect(figuresRequested).toBe(true);
      // Past the figures' rejection, and a turn for Node to report it if nothing handled it.
      await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

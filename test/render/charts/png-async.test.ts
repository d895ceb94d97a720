import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/core/package-root.js';
import { renderPngFilesAsync } from '../../../src/render/charts/figure-files.js';
import { runPipeline, runPipelineAsync } from '../../../src/pipeline/run-pipeline.js';
import { runInputs, sampleRun } from '../../helpers/sample-run.js';
import { MINI_LOCK, MINI_RANDOMIZATION } from '../../lock/lock-fixture.js';

describe('PNG rendering off the main thread', () => {
  it('gives the bytes of the in-thread renderer, and the async pipeline the same files', async () => {
    // Every figure of the sample, rendered on other threads, against the in-thread PNGs of its run.
    const run = await sampleRun('unblinded');
    const svgs = new Map([...run.result.files].filter(([p]) => p.endsWith('.svg')) as [string, string][]);
    expect(svgs.size).toBeGreaterThan(0);
    const pngs = await renderPngFilesAsync(svgs);
    expect(pngs.size).toBe(svgs.size);
    for (const [path, png] of pngs)
      expect(Buffer.from(png).equals(Buffer.from(run.result.files.get(path) as Uint8Array))).toBe(true);

    // The two pipelines on the same inputs: the mini lock unblinded (two runs of the sample would cost
    // more and prove no more; the PNGs of all of its figures are compared above).
    const root = packageRoot();
    const mini = await runInputs(join(root, MINI_LOCK), join(root, MINI_RANDOMIZATION));
    const sync = runPipeline(mini).files;
    expect([...sync.keys()].filter((p) => p.endsWith('.png')).length).toBeGreaterThan(0);
    const again = await runPipelineAsync(mini);
    expect([...again.files.keys()].sort()).toEqual([...sync.keys()].sort());
    for (const [path, content] of again.files)
      expect(Buffer.from(content).equals(Buffer.from(sync.get(path)!)), path).toBe(true);
  });
});

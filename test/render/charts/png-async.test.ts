import { describe, expect, it } from 'vitest';
import { renderPngFilesAsync } from '../../../src/render/charts/figure-files.js';
import { runPipelineAsync } from '../../../src/pipeline/run-pipeline.js';
import { sampleRun } from '../../helpers/sample-run.js';

describe('PNG rendering off the main thread', () => {
  it('gives the bytes of the in-thread renderer, and the async pipeline the same files', async () => {
    const run = await sampleRun('unblinded');
    const svgs = new Map([...run.result.files].filter(([p]) => p.endsWith('.svg')) as [string, string][]);
    expect(svgs.size).toBeGreaterThan(0);
    const pngs = await renderPngFilesAsync(svgs);
    expect(pngs.size).toBe(svgs.size);
    for (const [path, png] of pngs)
      expect(Buffer.from(png).equals(Buffer.from(run.result.files.get(path) as Uint8Array))).toBe(true);

    const again = await runPipelineAsync({ lock: run.lock, unblinding: run.unblinding, settings: run.settings });
    expect([...again.files.keys()].sort()).toEqual([...run.result.files.keys()].sort());
    for (const [path, content] of again.files)
      expect(Buffer.from(content).equals(Buffer.from(run.result.files.get(path)!))).toBe(true);
  });
});

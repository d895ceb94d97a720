/**
 * A sponsor's shells (settings `display.shells`) reach every rendering of an output: the table, listing
 * and figure files, and the entry page's catalog; a shell for an output the run does not make is a notice.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.js';
import type { SapSettings } from '../../src/sap/index.js';
import { sampleRun } from '../helpers/sample-run.js';

const SHELLS = {
  'T-14.1.1': { titles: ['Sponsor wording of the disposition table'], footnotes: ['Sponsor footnote: source ADSL.'] },
  'L-16.2.1': { titles: ['Sponsor wording of the discontinued subjects'] },
  'F-14.2.1': { titles: ['Sponsor wording of the first figure'], footnotes: ['Sponsor figure footnote.'] },
  'T-14.2.1.2': { titles: ['Sensitivity analyses: unblinded runs only'] },
};

describe('display.shells through a blinded sample run', async () => {
  const { lock, settings, unblinding, result: plain } = await sampleRun('blinded');
  const shelled: SapSettings = { ...settings, display: { ...settings.display, shells: SHELLS } };
  const result: PipelineResult = runPipeline({ lock, unblinding, settings: shelled });
  const text = (path: string) => {
    const f = result.files.get(path);
    if (typeof f !== 'string') throw new Error(`${path} is not a text output`);
    return f;
  };

  it("words the table in every format and in the catalog, footnote after the program's own", () => {
    for (const ext of ['txt', 'rtf', 'html'])
      expect(text(`tables/T-14.1.1.${ext}`)).toContain('Sponsor wording of the disposition table');
    const txt = text('tables/T-14.1.1.txt');
    expect(txt).toContain('Sponsor footnote: source ADSL.');
    expect(txt).not.toContain((plain.catalog.find((c) => c.id === 'T-14.1.1')?.title ?? '?') + '\n');
    expect(result.catalog.find((c) => c.id === 'T-14.1.1')?.title).toBe('Sponsor wording of the disposition table');
  });

  it('words the listing and the figure (whose Figure line stays)', () => {
    expect(text('listings/L-16.2.1.txt')).toContain('Sponsor wording of the discontinued subjects');
    const svg = text('figures/F-14.2.1.svg');
    expect(svg).toContain('Sponsor wording of the first figure');
    expect(svg).toContain('Sponsor figure footnote.');
    expect(svg).toContain('Figure F-14.2.1');
  });

  it('changes nothing else: every other output is byte-identical', () => {
    const reworded = new Set(['tables/T-14.1.1', 'listings/L-16.2.1', 'figures/F-14.2.1']);
    const changed = [...result.files.keys()].filter((p) => {
      const a = result.files.get(p);
      const b = plain.files.get(p);
      return typeof a === 'string' && typeof b === 'string'
        ? a !== b
        : Buffer.compare(Buffer.from(a ?? ''), Buffer.from(b ?? '')) !== 0;
    });
    expect(changed.filter((p) => !reworded.has(p.replace(/\.[a-z]+$/, '')))).toEqual([]);
    expect(changed.length).toBeGreaterThanOrEqual(7);
  });

  it('a shell for an output of unblinded runs only is a notice of a blinded run, naming no arm', () => {
    const notices = result.warnings.filter((w) => w.severity === 'notice').map((w) => w.rule);
    expect(notices).toEqual(['display.shells.T-14.2.1.2: this run has no output T-14.2.1.2; its shell is not used']);
  });
});

/**
 * The analysis's typed issues reach every place a run reports warnings: stderr (`analysis: …`), the run
 * log's `## Warnings` and the manifest's `warnings` ({code, message}, sorted). The sample's renal flare
 * rate model is fitted as Poisson, so an unblinded run has an NB_POISSON warning; a blinded run none.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../contract/contract-helpers.js';
import { SAMPLE_LOCK, SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';

interface Manifest {
  warnings: { code: string; message: string }[];
}

describe('analysis warnings on stderr, in log.txt and in manifest.json', () => {
  it('unblinded: NB_POISSON and STRATUM_DEVIATION everywhere', async () => {
    const d = mkdtempSync(join(tmpdir(), 'sle-msc-warnings-'));
    const r = await runMain(['analyze', SAMPLE_LOCK, '--randomization', SAMPLE_RANDOMIZATION, '--out', join(d, 'o')], d);
    expect(r.code, r.stderr).toBe(0);
    const poissonLine = /^analysis: warning: FLARE_RENAL WEEK52 rate ratio: Poisson used instead of negative binomial: .+$/m;
    expect(r.stderr).toMatch(poissonLine);
    const log = readFileSync(join(d, 'o', 'log.txt'), 'utf8');
    const warnings = log.split('## Warnings (')[1]!.split('\n\n')[0]!;
    expect(warnings).toMatch(/^analysis: FLARE_RENAL WEEK52 rate ratio: Poisson used instead of negative binomial: .+$/m);
    // The randomization file is named as in `## Inputs`, not by this checkout's path: reruns elsewhere log the same.
    expect(warnings).toMatch(/^randomization:44:STRATUM: SLEMSC01-104-006: /m);
    expect(log.replace(/^command: .*$/m, '')).not.toContain(SAMPLE_RANDOMIZATION);
    const manifest = JSON.parse(readFileSync(join(d, 'o', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.warnings.map((w) => w.code)).toEqual(['NB_POISSON', 'STRATUM_DEVIATION']);
    expect(manifest.warnings[0]!.message).toMatch(/^FLARE_RENAL WEEK52 rate ratio: Poisson used/);
    // The manifest keeps the rule without its location: no path of this machine.
    expect(JSON.stringify(manifest.warnings)).not.toContain(d);
  });

  it('blinded: no warning at all in the manifest', async () => {
    const d = mkdtempSync(join(tmpdir(), 'sle-msc-warnings-'));
    const r = await runMain(['analyze', SAMPLE_LOCK, '--out', join(d, 'o'), '--quiet'], d);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(d, 'o', 'manifest.json'), 'utf8')) as Manifest).warnings).toEqual([]);
    expect(readFileSync(join(d, 'o', 'log.txt'), 'utf8')).not.toMatch(/^analysis: /m);
  });
});

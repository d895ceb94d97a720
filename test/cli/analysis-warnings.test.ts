/**
 * The analysis's typed issues reach every place a run reports warnings: stderr (`analysis: …`), the run
 * log's `## Warnings` and the manifest's `warnings` ({code, message}, sorted). The sample's renal flare
 * rate model is fitted as Poisson, so an unblinded run has an NB_POISSON warning; a blinded run none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { sampleOutput } from '../helpers/sample-output.js';
import { SAMPLE_RANDOMIZATION } from '../helpers/sample-run.js';

interface Manifest {
  warnings: { code: string; message: string }[];
}

describe('analysis warnings on stderr, in log.txt and in manifest.json', () => {
  it('unblinded: NB_POISSON and STRATUM_DEVIATION everywhere', () => {
    // The bundled demo (`analyze`: the sample with its randomization file), once for the whole run
    // (test/setup/sample-outputs.ts).
    const r = sampleOutput('randomization');
    const poissonLine =
      /^analysis: warning: FLARE_RENAL WEEK52 rate ratio: Poisson used instead of negative binomial: .+$/m;
    expect(r.stderr).toMatch(poissonLine);
    const log = readFileSync(join(r.dir, 'log.txt'), 'utf8');
    const warnings = log.split('## Warnings (')[1]!.split('\n\n')[0]!;
    expect(warnings).toMatch(
      /^analysis: FLARE_RENAL WEEK52 rate ratio: Poisson used instead of negative binomial: .+$/m,
    );
    // The randomization file is named as in `## Inputs`, not by this checkout's path: reruns elsewhere log the same.
    expect(warnings).toMatch(/^randomization:44:STRATUM: SLEMSC01-104-006: /m);
    expect(log.replace(/^command: .*$/m, '')).not.toContain(SAMPLE_RANDOMIZATION);
    const manifest = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.warnings.map((w) => w.code)).toEqual(['NB_POISSON', 'STRATUM_DEVIATION']);
    expect(manifest.warnings[0]!.message).toMatch(/^FLARE_RENAL WEEK52 rate ratio: Poisson used/);
    // The manifest keeps the rule without its location (stderr names the file by its absolute path): no
    // path of this machine.
    expect(r.stderr).toContain(`${SAMPLE_RANDOMIZATION}:`);
    expect(JSON.stringify(manifest.warnings)).not.toContain(packageRoot());
    expect(JSON.stringify(manifest.warnings)).not.toContain(r.dir);
  });

  it('blinded: no warning at all in the manifest', () => {
    const { dir } = sampleOutput('blinded');
    expect((JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).warnings).toEqual([]);
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).not.toMatch(/^analysis: /m);
  });
});

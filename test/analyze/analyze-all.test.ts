/**
 * analyzeAll on the sample: the ARD and the typed issues of the analysis. The sample's renal flare rate
 * model switches from negative binomial to Poisson (its ARD method is POISSON), so an unblinded run
 * must report NB_POISSON for it — and for no other rate model; a blinded run fits no model and reports
 * nothing that could name an arm.
 */
import { describe, expect, it } from 'vitest';
import { ARM_CODES } from '../../src/lock/types.js';
import { sampleAnalysis, sampleRun } from '../helpers/sample-run.js';

describe('analyzeAll', () => {
  it('gives the pipeline its ARD, and an NB_POISSON issue exactly for each rate model fitted as Poisson', async () => {
    const { result } = await sampleRun('unblinded');
    // analyzeAll(deriveAll(lock, unblinding, settings), settings, false) on the run's inputs.
    const { rows, issues } = await sampleAnalysis('unblinded');
    expect(rows).toEqual(result.ard);
    const poissonEndpoints = [
      ...new Set(rows.filter((r) => r.stat === 'rr' && r.method === 'POISSON').map((r) => `${r.endpoint} ${r.visit}`)),
    ];
    expect(poissonEndpoints.length).toBeGreaterThan(0);
    const nbPoisson = issues.filter((i) => i.code === 'NB_POISSON');
    expect(nbPoisson.map((i) => i.rule.split(' rate ratio:')[0])).toEqual(poissonEndpoints);
    for (const i of issues) expect(i).toMatchObject({ severity: 'warning', file: 'analysis' });
    // The pipeline keeps them after the stratum deviations, coded too.
    expect(result.warnings.filter((w) => w.file === 'analysis')).toEqual(issues);
    expect(result.warnings.filter((w) => w.file !== 'analysis').every((w) => w.code === 'STRATUM_DEVIATION')).toBe(
      true,
    );
  });

  it('a blinded run has no analysis issue (and so none that names an arm)', async () => {
    const { result } = await sampleRun('blinded');
    // analyzeAll(deriveAll(lock, { kind: 'blinded' }, settings), settings, true) on the run's inputs.
    const { issues } = await sampleAnalysis('blinded');
    expect(issues).toEqual([]);
    for (const w of result.warnings) for (const arm of ARM_CODES) expect(w.rule).not.toContain(arm);
  });
});

import { describe, expect, it } from 'vitest';
import {
  analysisIssue,
  mmrmFailureWarning,
  mmrmFallbackWarnings,
  poissonUsed,
  reportWarnings,
} from '../../src/analyze/analysis-issues.js';
import { armOddsRatios } from '../../src/analyze/arm-logistic.js';
import { armHazardRatios } from '../../src/analyze/time-to-event.js';
import { formatIssue, type Issue } from '../../src/core/issues.js';

describe('analysis issues', () => {
  it('an MMRM whose first structure converged has no fallback warning', () => {
    expect(mmrmFallbackWarnings([{ covariance: 'us', converged: true, message: 'converged' }])).toEqual([]);
  });

  it('a fallback names each structure that failed, why, and the one used', () => {
    const w = mmrmFallbackWarnings([
      { covariance: 'us', converged: false, message: 'Hessian not positive definite' },
      { covariance: 'toeph', converged: true, message: 'converged' },
    ]);
    expect(w).toEqual([
      { code: 'MMRM_FALLBACK', message: 'US did not converge (Hessian not positive definite); TOEPH used' },
    ]);
  });

  it('an MMRM without a result is NOT_ESTIMABLE, with each failed structure', () => {
    expect(mmrmFailureWarning('no observation to fit', [])).toEqual({
      code: 'NOT_ESTIMABLE',
      message: 'no observation to fit',
    });
    expect(
      mmrmFailureWarning('no covariance structure converged', [
        { covariance: 'us', converged: false, message: 'a' },
        { covariance: 'cs', converged: false, message: 'b' },
      ]).message,
    ).toBe('no covariance structure converged: US did not converge (a); CS did not converge (b)');
  });

  it('one NB_POISSON per switch, with every reason', () => {
    expect(poissonUsed(['r1', 'r2'])).toEqual({
      code: 'NB_POISSON',
      message: 'Poisson used instead of negative binomial: r1; r2',
    });
  });

  it('is a warning at file `analysis` with the analysis in the rule, keeping file: rule output', () => {
    const i = analysisIssue('FLARE_RENAL WEEK52 rate ratio', poissonUsed(['r']));
    expect(i).toMatchObject({ severity: 'warning', file: 'analysis', code: 'NB_POISSON' });
    expect(formatIssue(i)).toBe(
      'analysis: FLARE_RENAL WEEK52 rate ratio: Poisson used instead of negative binomial: r',
    );
    const got: Issue[] = [];
    reportWarnings((x) => got.push(x), 'SRI4 odds ratio', [
      poissonUsed(['a']),
      { code: 'NOT_ESTIMABLE', message: 'b' },
    ]);
    expect(got.map((x) => [x.code, x.rule])).toEqual([
      ['NB_POISSON', 'SRI4 odds ratio: Poisson used instead of negative binomial: a'],
      ['NOT_ESTIMABLE', 'SRI4 odds ratio: b'],
    ]);
  });

  it('a degenerate arm makes the logistic and Cox ratios NOT_ESTIMABLE, typed', () => {
    const logistic = armOddsRatios(
      [
        ...[0, 0, 0].map(() => ({ arm: 'PBO' as const, response: 0 as const, covariates: [1] })),
        ...[1, 0, 1].map((y) => ({ arm: 'MSC1E6' as const, response: y as 0 | 1, covariates: [1] })),
      ],
      0.95,
    );
    expect(logistic.warnings).toEqual([
      { code: 'NOT_ESTIMABLE', message: 'placebo has no responders or only responders: odds ratios not estimable' },
    ]);
    const cox = armHazardRatios(
      [
        { USUBJID: 'A', arm: 'PBO', time: 10, event: true },
        { USUBJID: 'B', arm: 'PBO', time: 20, event: false },
        { USUBJID: 'C', arm: 'MSC1E6', time: 15, event: false },
        { USUBJID: 'D', arm: 'MSC5E6', time: 12, event: true },
      ],
      0.95,
    );
    expect(cox.warnings.filter((w) => w.code === 'NOT_ESTIMABLE')).toEqual([
      { code: 'NOT_ESTIMABLE', message: 'MSC1E6 has no event: its hazard ratio is not estimable' },
    ]);
  });
});

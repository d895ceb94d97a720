import { describe, expect, it } from 'vitest';
import { contrastDf, contrastEstimate } from '../../../src/numerics/mmrm/contrast.js';
import { tQuantile, tTwoSidedP } from '../../../src/numerics/distributions.js';
import type { MmrmInferenceState } from '../../../src/numerics/mmrm/types.js';

const state: MmrmInferenceState = {
  p: 2,
  q: 1,
  beta: Float64Array.of(10, 3),
  phi: Float64Array.of(2, 0, 0, 1),
  phiAdjusted: Float64Array.of(2.5, 0, 0, 1.2),
  qMatrices: [Float64Array.of(1, 0, 0, 1)],
  thetaCovariance: Float64Array.of(0.5),
  residualDf: 40,
};

describe('contrastEstimate', () => {
  it('uses Φ with residual df: estimate, SE, t, p and CI from Student t', () => {
    const e = contrastEstimate(state, 'residual', Float64Array.of(1, 2));
    const se = Math.sqrt(6);
    expect(e.estimate).toBe(16);
    expect(e.se).toBe(se);
    expect(e.df).toBe(40);
    expect(e.t).toBe(16 / se);
    expect(e.p).toBe(tTwoSidedP(16 / se, 40));
    expect(e.lower).toBe(16 - tQuantile(0.975, 40) * se);
  });
  it('uses Φ_A for Kenward–Roger and Φ for Satterthwaite', () => {
    expect(contrastEstimate(state, 'kr', Float64Array.of(1, 0)).se).toBe(Math.sqrt(2.5));
    expect(contrastEstimate(state, 'satterthwaite', Float64Array.of(1, 0)).se).toBe(Math.sqrt(2));
    expect(contrastDf(state, 'satterthwaite', Float64Array.of(1, 2))).toBe(2.25);
  });
  it('leaves df, p and CI empty when Cov(θ̂) is not available', () => {
    const e = contrastEstimate({ ...state, thetaCovariance: null }, 'satterthwaite', Float64Array.of(1, 0));
    expect([e.estimate, e.df, e.p, e.lower]).toEqual([10, null, null, null]);
  });
});

import { describe, expect, it } from 'vitest';
import { cholesky, squareMatrix } from '../../../src/numerics/linalg/dense.js';
import { olsResidualMoments, startTheta } from '../../../src/numerics/mmrm/start-values.js';
import { createCovarianceStructure } from '../../../src/numerics/mmrm/structures/index.js';
import { COVARIANCE_TYPES } from '../../../src/numerics/mmrm/structures/types.js';
import { smallProblem } from './setup.js';

describe('start values', () => {
  const moments = olsResidualMoments(smallProblem());
  it('gives positive variances and correlations in (−1, 1) from OLS residuals', () => {
    expect(Array.from(moments.variances).every((v) => v > 0)).toBe(true);
    expect(Array.from(moments.correlations).every((r) => Math.abs(r) <= 1)).toBe(true);
  });
  it('gives a positive-definite Σ for every structure, even from non-PD correlations', () => {
    const bad = { variances: Float64Array.of(1, 2, 3, 4), correlations: Float64Array.of(1, 0.9, -0.9, 0.9, 0.9, 1, 0.9, -0.9, -0.9, 0.9, 1, 0.9, 0.9, -0.9, 0.9, 1) };
    for (const type of COVARIANCE_TYPES)
      for (const m of [moments, bad]) {
        const s = createCovarianceStructure(type, 4);
        expect(cholesky(squareMatrix(4, s.sigma(startTheta(s, m)))), type).not.toBeNull();
      }
  });
});

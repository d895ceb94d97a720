import { describe, expect, it } from 'vitest';
import {
  autoregressiveCovariance,
  compoundSymmetryCovariance,
  toeplitzCovariance,
} from '../../../../src/numerics/mmrm/structures/homogeneous.js';
import { checkStructureDerivatives } from './check-structure.js';

describe('homogeneous structures', () => {
  it('AR(1), TOEP, CS: derivatives agree with central differences', () => {
    checkStructureDerivatives(autoregressiveCovariance(4), Float64Array.of(0.3, 0.7));
    checkStructureDerivatives(toeplitzCovariance(4), Float64Array.of(0.3, -0.2, 0.1, 0.7));
    checkStructureDerivatives(compoundSymmetryCovariance(4), Float64Array.of(-0.5, 1.1));
  });
  it('uses SAS parameters: CS = covariance, Residual = the rest of the variance (exact)', () => {
    const s = compoundSymmetryCovariance(2);
    expect(Array.from(s.sigma(Float64Array.of(1.5, 2)))).toEqual([3.5, 1.5, 1.5, 3.5]);
    expect(toeplitzCovariance(3).parameterNames).toEqual(['TOEP(2)', 'TOEP(3)', 'Residual']);
    expect(Array.from(autoregressiveCovariance(3).sigma(Float64Array.of(0.5, 8)))).toEqual([8, 4, 2, 4, 8, 4, 2, 4, 8]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  antedependenceCovariance,
  autoregressiveHeterogeneousCovariance,
  compoundSymmetryHeterogeneousCovariance,
  toeplitzHeterogeneousCovariance,
} from '../../../../src/numerics/mmrm/structures/heterogeneous.js';
import { checkStructureDerivatives } from './check-structure.js';

const phi = (q: number) => Float64Array.from({ length: q }, (_, k) => 0.4 * Math.cos(2 * k + 1));

describe('heterogeneous structures (SAS parameters Var(i) and correlations)', () => {
  it('TOEPH, ARH(1), CSH, ANTE(1): derivatives agree with central differences', () => {
    checkStructureDerivatives(toeplitzHeterogeneousCovariance(4), phi(7));
    checkStructureDerivatives(autoregressiveHeterogeneousCovariance(4), phi(5));
    checkStructureDerivatives(compoundSymmetryHeterogeneousCovariance(4), phi(5));
    checkStructureDerivatives(antedependenceCovariance(4), phi(7));
  });
  it('builds Σ_ij = √(v_i v_j) c_ij (hand-computed ANTE(1), 3 visits)', () => {
    const s = antedependenceCovariance(3);
    // v = (4, 9, 16), ρ = (0.5, -0.5): Σ_12 = 6·0.5, Σ_13 = 8·(−0.25), Σ_23 = 12·(−0.5)
    expect(Array.from(s.sigma(Float64Array.of(4, 9, 16, 0.5, -0.5)))).toEqual([4, 3, -2, 3, 9, -6, -2, -6, 16]);
    expect(s.parameterNames).toEqual(['Var(1)', 'Var(2)', 'Var(3)', 'Rho(1)', 'Rho(2)']);
  });
});

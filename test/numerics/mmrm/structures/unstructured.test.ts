import { describe, expect, it } from 'vitest';
import { unstructuredCovariance } from '../../../../src/numerics/mmrm/structures/unstructured.js';
import { checkStructureDerivatives } from './check-structure.js';

describe('unstructuredCovariance', () => {
  it('names θ as SAS does, row by row of the lower triangle', () => {
    expect(unstructuredCovariance(3).parameterNames).toEqual([
      'UN(1,1)',
      'UN(2,1)',
      'UN(2,2)',
      'UN(3,1)',
      'UN(3,2)',
      'UN(3,3)',
    ]);
  });
  it("maps log-Cholesky φ to Σ = LL' (hand-computed 2 × 2)", () => {
    // L = [[e^0, 0], [0.5, e^{ln 2}]] → Σ = [[1, 0.5], [0.5, 4.25]] (exact)
    const s = unstructuredCovariance(2);
    expect(Array.from(s.fromPhi(Float64Array.of(0, 0.5, Math.log(2))).theta)).toEqual([1, 0.5, 4.25]);
  });
  it('has derivatives that agree with central differences', () => {
    checkStructureDerivatives(
      unstructuredCovariance(4),
      Float64Array.from({ length: 10 }, (_, k) => 0.3 * Math.sin(k + 1)),
    );
  });
});

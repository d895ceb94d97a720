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
  it("fromPhi with an earlier map to reuse gives the same map in that map's arrays, its θ untouched", () => {
    const s = unstructuredCovariance(4);
    const phi1 = Float64Array.from({ length: 10 }, (_, k) => 0.3 * Math.sin(k + 1));
    const phi2 = Float64Array.from({ length: 10 }, (_, k) => (k === 4 ? 0 : 0.2 * Math.cos(k)));
    const earlier = s.fromPhi(phi1);
    const theta1 = Array.from(earlier.theta);
    const reused = s.fromPhi(phi2, earlier);
    const fresh = s.fromPhi(phi2);
    expect(reused.jacobian).toBe(earlier.jacobian);
    expect(reused.second).toBe(earlier.second);
    expect(reused.theta).not.toBe(earlier.theta);
    expect(Array.from(earlier.theta)).toEqual(theta1);
    expect(Array.from(reused.theta)).toEqual(Array.from(fresh.theta));
    expect(Array.from(reused.jacobian)).toEqual(Array.from(fresh.jacobian));
    expect(Array.from(reused.second)).toEqual(Array.from(fresh.second));
    // a map of another structure size is not reused
    expect(unstructuredCovariance(3).fromPhi(phi1.subarray(0, 6), earlier).second).not.toBe(earlier.second);
  });
  it('has derivatives that agree with central differences', () => {
    checkStructureDerivatives(
      unstructuredCovariance(4),
      Float64Array.from({ length: 10 }, (_, k) => 0.3 * Math.sin(k + 1)),
    );
  });
});

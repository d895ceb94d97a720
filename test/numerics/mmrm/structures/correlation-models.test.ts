import { describe, expect, it } from 'vitest';
import {
  antedependenceCorrelation,
  autoregressiveCorrelation,
  exchangeableCorrelation,
  toeplitzCorrelation,
} from '../../../../src/numerics/mmrm/structures/correlation-models.js';

const rho = Float64Array.of(0.5, -0.4, 0.2);
describe('correlation models (hand-computed values)', () => {
  it('Toeplitz: c_ij = ρ_{|i−j|}', () => {
    const c = toeplitzCorrelation(4);
    expect([c.value(0, 3, rho), c.value(2, 1, rho), c.d1(0, 2, 1, rho), c.d1(0, 2, 0, rho)]).toEqual([0.2, 0.5, 1, 0]);
  });
  it('AR(1): c_ij = ρ^{|i−j|} with its derivatives', () => {
    const c = autoregressiveCorrelation();
    expect([c.value(0, 3, rho), c.d1(0, 3, 0, rho), c.d2(0, 3, 0, 0, rho), c.d2(0, 1, 0, 0, rho)]).toEqual([
      0.125, 0.75, 3, 0,
    ]);
  });
  it('ANTE(1): c_ij = Π ρ_k over the steps between i and j', () => {
    const c = antedependenceCorrelation(4);
    expect(c.value(0, 3, rho)).toBeCloseTo(-0.04, 15);
    expect(c.d1(3, 0, 1, rho)).toBeCloseTo(0.1, 15);
    expect(c.d2(0, 3, 0, 2, rho)).toBeCloseTo(-0.4, 15);
    expect(c.d1(0, 1, 2, rho)).toBe(0);
  });
  it('exchangeable: c_ij = ρ', () => {
    expect(exchangeableCorrelation().value(1, 3, rho)).toBe(0.5);
  });
});

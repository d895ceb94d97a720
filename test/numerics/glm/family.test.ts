import { describe, expect, it } from 'vitest';
import { binomialFamily, negativeBinomialFamily, poissonFamily } from '../../../src/numerics/glm/family.js';

// Reference values (R 4.2.2, test/fixtures/glm/make-inline.R): binomial()$linkinv(c(-31, 0.3)) =
// 2.2204460492503126e-16, 0.57444251681165903; binomial()$mu.eta(40) = 2.2204460492503131e-16 (R's |η| > 30 guard).
describe('families (R family.c guards)', () => {
  it('logit inverse clamps beyond |η| > 30 as R', () => {
    expect(Math.abs(binomialFamily.linkInverse(-31) / 2.2204460492503126e-16 - 1)).toBeLessThan(1e-15);
    expect(binomialFamily.linkInverse(0.3)).toBeCloseTo(0.57444251681165903, 15);
    expect(binomialFamily.muEta(40)).toBe(Number.EPSILON);
  });
  it('unit deviances: binomial at y = 0, Poisson at y = 0, NB → Poisson as θ → ∞', () => {
    expect(binomialFamily.unitDeviance(0, 0.25)).toBeCloseTo(-2 * Math.log(0.75), 15);
    expect(poissonFamily.unitDeviance(0, 1.5)).toBe(3);
    expect(negativeBinomialFamily(1e9).unitDeviance(4, 2.5)).toBeCloseTo(poissonFamily.unitDeviance(4, 2.5), 6);
  });
});

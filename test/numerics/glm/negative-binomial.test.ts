import { describe, expect, it } from 'vitest';
import { fitNegativeBinomial } from '../../../src/numerics/glm/negative-binomial.js';
import { countCases, relOrAbs } from './count-fixtures.js';

// Reference: R 4.2.2 MASS::glm.nb(y ~ arm + offset(log(years))), default control;
// test/fixtures/glm/make-counts.R -> counts.json. Tolerance 1e-6 relative.
describe('fitNegativeBinomial against MASS::glm.nb', () => {
  for (const c of countCases.filter((k) => k.expect === 'nb')) {
    it(`${c.name}${c.note ? ` (${c.note})` : ''}: coefficients, SE, p, θ, SE(θ), 2·logLik`, () => {
      const fit = fitNegativeBinomial(c.x, c.y, { offset: c.offset, thetaMax: 1e6 });
      expect(fit.estimable).toBe(true);
      expect(fit.converged).toBe(true);
      expect(fit.poissonFallback).toBe(false);
      expect(c.nb.warnings).toEqual([]);
      fit.coefficients.forEach((k, j) => {
        expect(relOrAbs(k.estimate, c.nb.coef[j]!)).toBeLessThan(1e-6);
        expect(relOrAbs(k.se, c.nb.se[j]!)).toBeLessThan(1e-6);
        expect(relOrAbs(k.p, c.nb.p[j]!)).toBeLessThan(1e-6);
      });
      expect(relOrAbs(fit.theta, c.nb.theta)).toBeLessThan(1e-6);
      expect(relOrAbs(fit.thetaSe, c.nb.seTheta)).toBeLessThan(1e-6);
      expect(relOrAbs(fit.twoLogLik, c.nb.twoLogLik)).toBeLessThan(1e-9);
    });
  }
  it('underdispersed-n90: Σ(y − μ̂)² ≤ Σy and θ.ml at its iteration limit (R warns) -> Poisson fallback', () => {
    const c = countCases.find((k) => k.name === 'underdispersed-n90')!;
    expect(c.poisson.sumSquaredResiduals).toBeLessThanOrEqual(c.poisson.sumY);
    expect(c.nb.warnings).toContain('iteration limit reached');
    const fit = fitNegativeBinomial(c.x, c.y, { offset: c.offset, thetaMax: 1e6 });
    expect(fit.poissonFallback).toBe(true);
    expect(fit.fallbackReasons[0]).toMatch(/no overdispersion/);
    expect(fit.converged).toBe(false);
    expect(fit.estimable).toBe(false);
    expect(fit.theta).toBeNull();
    expect(fit.poisson.estimable).toBe(true);
  });
  it('arm-A-no-event: the MLE does not exist (R: coefficient −28.6, SE 1.5e5) -> not estimable, no fallback', () => {
    const c = countCases.find((k) => k.name === 'arm-A-no-event')!;
    expect(c.nb.coef[1]!).toBeLessThan(-20);
    const fit = fitNegativeBinomial(c.x, c.y, { offset: c.offset, thetaMax: 1e6 });
    expect(fit.mleExists).toBe(false);
    expect(fit.estimable).toBe(false);
    expect(fit.poissonFallback).toBe(false);
    expect(fit.coefficients.every((k) => k.estimate === null)).toBe(true);
  });
});

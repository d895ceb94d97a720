import { describe, expect, it } from 'vitest';
import { fitRateModel } from '../../../src/numerics/glm/rate-model.js';
import { countCases, relOrAbs } from './count-fixtures.js';

// Reference: test/fixtures/glm/counts.json (R 4.2.2 glm / MASS::glm.nb, make-counts.R); 1e-6 relative.
describe('fitRateModel: negative binomial, Poisson when θ = ∞', () => {
  it('overdispersed data: the NB fit, rate ratio coefficients as glm.nb', () => {
    const c = countCases.find((k) => k.name === 'overdispersed-n90')!;
    const r = fitRateModel(c.x, c.y, { offset: c.offset, thetaMax: 1e6 });
    expect(r.model).toBe('NEGBIN');
    expect(relOrAbs(r.fit.coefficients[1]!.estimate, c.nb.coef[1]!)).toBeLessThan(1e-6);
  });
  it('underdispersed data: the Poisson fit as glm(family = poisson), with the reason', () => {
    const c = countCases.find((k) => k.name === 'underdispersed-n90')!;
    const r = fitRateModel(c.x, c.y, { offset: c.offset, thetaMax: 1e6 });
    expect(r.model).toBe('POISSON');
    expect(r.fallbackReasons.join(' ')).toMatch(/no overdispersion/);
    expect(relOrAbs(r.fit.coefficients[2]!.estimate, c.poisson.coef[2]!)).toBeLessThan(1e-6);
    expect(relOrAbs(r.fit.coefficients[2]!.se, c.poisson.se[2]!)).toBeLessThan(1e-6);
  });
  it('a group with no events: neither model is estimable and there is no fallback', () => {
    const c = countCases.find((k) => k.name === 'arm-A-no-event')!;
    const r = fitRateModel(c.x, c.y, { offset: c.offset, thetaMax: 1e6 });
    expect(r.model).toBe('NEGBIN');
    expect(r.fit.estimable).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fitPoisson } from '../../../src/numerics/glm/poisson.js';
import { countCases, relOrAbs } from './count-fixtures.js';

// Reference: R 4.2.2 glm(y ~ arm + offset(log(years)), family = poisson), default glm.control;
// test/fixtures/glm/make-counts.R -> counts.json. Tolerance 1e-6 relative (absolute below 1e-8).
describe('fitPoisson against R glm(family = poisson)', () => {
  for (const c of countCases.filter((k) => k.expect !== 'not-estimable')) {
    it(`${c.name}: coefficients, SE, z, p; overdispersion sums`, () => {
      const fit = fitPoisson(c.x, c.y, { offset: c.offset });
      expect(fit.estimable).toBe(true);
      expect(fit.iterations).toBe(c.poisson.iter);
      expect(relOrAbs(fit.deviance, c.poisson.deviance)).toBeLessThan(1e-9);
      fit.coefficients.forEach((k, j) => {
        expect(relOrAbs(k.estimate, c.poisson.coef[j]!)).toBeLessThan(1e-6);
        expect(relOrAbs(k.se, c.poisson.se[j]!)).toBeLessThan(1e-6);
        // z and p of a coefficient that is 0 in theory are round-off: compare only the others
        if (Math.abs(c.poisson.coef[j]!) > 1e-8) {
          expect(relOrAbs(k.z, c.poisson.z[j]!)).toBeLessThan(1e-6);
          expect(relOrAbs(k.p, c.poisson.p[j]!)).toBeLessThan(1e-6);
        }
      });
      expect(relOrAbs(fit.sumSquaredResiduals, c.poisson.sumSquaredResiduals)).toBeLessThan(1e-9);
      expect(fit.sumY).toBe(c.poisson.sumY);
    });
  }
  it('arm-A-no-event: R stops near −19.5 and calls it converged; here the MLE does not exist -> not estimable', () => {
    const c = countCases.find((k) => k.name === 'arm-A-no-event')!;
    expect(c.poisson.converged).toBe(true);
    expect(c.poisson.coef[1]!).toBeLessThan(-15);
    const fit = fitPoisson(c.x, c.y, { offset: c.offset });
    expect(fit.mleExists).toBe(false);
    expect(fit.estimable).toBe(false);
    expect(fit.coefficients.map((k) => k.estimate)).toEqual([null, null, null]);
  });
});

describe('fitPoisson by hand', () => {
  it('two groups: log rate ratio = log((y1/t1)/(y0/t0)), SE = √(1/y0 + 1/y1) (closed form, 1e-8)', () => {
    const x = [
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
    ];
    const y = [3, 5, 2, 10];
    const t = [1.5, 2, 0.5, 3];
    const fit = fitPoisson(x, y, { offset: t.map(Math.log), control: { epsilon: 1e-14, maxIterations: 50 } });
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(Math.log(12 / 3.5 / (8 / 3.5)), 8);
    expect(fit.coefficients[1]!.se).toBeCloseTo(Math.sqrt(1 / 8 + 1 / 12), 8);
    expect(fit.coefficients[0]!.estimate).toBeCloseTo(Math.log(8 / 3.5), 8);
  });
  it('no event at all: not estimable', () => {
    expect(fitPoisson([[1], [1]], [0, 0]).estimable).toBe(false);
  });
  it('rejects negative or fractional counts and an offset of the wrong length', () => {
    expect(() => fitPoisson([[1], [1]], [1, -1])).toThrow(/whole numbers/);
    expect(() => fitPoisson([[1], [1]], [1, 0.5])).toThrow(/whole numbers/);
    expect(() => fitPoisson([[1], [1]], [1, 2], { offset: [0] })).toThrow(/offset/);
  });
});

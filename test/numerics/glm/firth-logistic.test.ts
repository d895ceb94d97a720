import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitFirthLogistic } from '../../../src/numerics/glm/firth-logistic.js';
import { fitLogistic } from '../../../src/numerics/glm/logistic.js';

// Reference: R 4.2.2, brglm2 0.9: glm(y ~ arm + base, family = binomial, method = "brglmFit",
// type = "MPL_Jeffreys", control = brglmControl(epsilon = 1e-12)); test/fixtures/glm/make-logistic.R.
interface Case {
  name: string;
  separated: boolean;
  x: number[][];
  y: number[];
  columns: string[];
  firth: { coef: number[]; se: number[]; z: number[]; p: number[] };
}
const cases = JSON.parse(readFileSync(new URL('../../fixtures/glm/logistic.json', import.meta.url), 'utf8')) as Case[];
const rel = (a: number | null, b: number) => Math.abs((a ?? NaN) - b) / Math.abs(b);

describe('fitFirthLogistic against brglm2 MPL_Jeffreys (1e-6 relative)', () => {
  for (const c of cases) {
    it(`${c.name}${c.separated ? ' (separated: finite Firth estimates)' : ''}`, () => {
      const fit = fitFirthLogistic(c.x, c.y, c.columns);
      expect(fit.method).toBe('FIRTH');
      expect(fit.converged).toBe(true);
      expect(fit.estimable).toBe(true);
      expect(fit.separation).toBe(c.separated);
      fit.coefficients.forEach((k, j) => {
        expect(rel(k.estimate, c.firth.coef[j]!)).toBeLessThan(1e-6);
        expect(rel(k.se, c.firth.se[j]!)).toBeLessThan(1e-6);
        expect(rel(k.p, c.firth.p[j]!)).toBeLessThan(1e-6);
      });
    });
  }
  it('is reached through fitLogistic({ method: "firth" })', () => {
    const c = cases[0]!;
    const viaOption = fitLogistic(c.x, c.y, { method: 'firth' });
    expect(viaOption.coefficients[1]!.estimate).toBe(fitFirthLogistic(c.x, c.y).coefficients[1]!.estimate);
  });
  it('2×2 table: Firth = ML on the table with ½ added to each cell (closed form, 1e-9)', () => {
    const x = [...Array(10).fill([1, 0]), ...Array(10).fill([1, 1])] as number[][];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    // treated 10/10 (separated): Firth log OR = log((10.5·7.5)/(0.5·3.5))
    const fit = fitFirthLogistic(x, y);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(Math.log((10.5 * 7.5) / (0.5 * 3.5)), 9);
  });
});

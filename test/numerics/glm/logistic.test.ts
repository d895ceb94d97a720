import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../src/numerics/glm/logistic.js';

// Reference: R 4.2.2 glm(y ~ arm + base, family = binomial), default glm.control;
// test/fixtures/glm/make-logistic.R -> logistic.json.
interface Case {
  name: string;
  separated: boolean;
  x: number[][];
  y: number[];
  columns: string[];
  glm: { coef: number[]; se: number[]; z: number[]; p: number[]; iter: number; converged: boolean; deviance: number };
}
const cases = JSON.parse(readFileSync(new URL('../../fixtures/glm/logistic.json', import.meta.url), 'utf8')) as Case[];
const rel = (a: number | null, b: number) => Math.abs((a ?? NaN) - b) / Math.abs(b);

describe('fitLogistic against R glm(family = binomial)', () => {
  for (const c of cases.filter((k) => !k.separated)) {
    it(`${c.name}: coefficients, SE, z and p within 1e-6 relative; same iteration count`, () => {
      const fit = fitLogistic(c.x, c.y, { names: c.columns });
      expect(fit.estimable).toBe(true);
      expect(fit.separation).toBe(false);
      expect(fit.converged).toBe(true);
      expect(fit.iterations).toBe(c.glm.iter);
      expect(rel(fit.deviance, c.glm.deviance)).toBeLessThan(1e-9);
      fit.coefficients.forEach((k, j) => {
        expect(k.name).toBe(c.columns[j]);
        expect(rel(k.estimate, c.glm.coef[j]!)).toBeLessThan(1e-6);
        expect(rel(k.se, c.glm.se[j]!)).toBeLessThan(1e-6);
        expect(rel(k.z, c.glm.z[j]!)).toBeLessThan(1e-6);
        expect(rel(k.p, c.glm.p[j]!)).toBeLessThan(1e-6);
      });
      expect(fit.covariance?.[1]?.[1]).toBeCloseTo(c.glm.se[1]! ** 2, 12);
    });
  }
  for (const c of cases.filter((k) => k.separated)) {
    it(`${c.name}: separation by construction -> not estimable, all estimates null (R's glm stops at coef ${c.glm.coef[1]?.toFixed(1)})`, () => {
      const fit = fitLogistic(c.x, c.y, { names: c.columns });
      expect(fit.separation).toBe(true);
      expect(fit.estimable).toBe(false);
      expect(fit.coefficients.every((k) => k.estimate === null && k.se === null && k.p === null)).toBe(true);
      expect(fit.warnings.some((w) => w.startsWith('separation'))).toBe(true);
    });
  }
});

describe('fitLogistic by hand', () => {
  it('2×2 table: log OR = log(ad/bc), SE = √(1/a+1/b+1/c+1/d) (closed form, 1e-10)', () => {
    // control 3/10 responders, treated 6/10
    const x = [...Array(10).fill([1, 0]), ...Array(10).fill([1, 1])] as number[][];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const fit = fitLogistic(x, y, { control: { epsilon: 1e-14, maxIterations: 50 } });
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(Math.log((6 * 7) / (4 * 3)), 10);
    expect(fit.coefficients[1]!.se).toBeCloseTo(Math.sqrt(1 / 3 + 1 / 7 + 1 / 6 + 1 / 4), 10);
  });
  it('a group with no responders is separation even though IRLS reports convergence', () => {
    const x = [
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ];
    const y = [1, 0, 1, 0, 0, 0];
    const fit = fitLogistic(x, y);
    expect(fit.converged).toBe(true);
    expect(fit.separation).toBe(true);
    expect(fit.estimable).toBe(false);
  });
  it('no responder at all is separation (the intercept tends to −∞)', () => {
    const fit = fitLogistic(
      [
        [1, 0],
        [1, 1],
        [1, 0],
        [1, 1],
      ],
      [0, 0, 0, 0],
    );
    expect(fit.separation).toBe(true);
    expect(fit.coefficients[0]!.estimate).toBeNull();
  });
  it('a rank-deficient design (an empty arm) is not estimable, with a warning', () => {
    const fit = fitLogistic(
      [
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
      ],
      [0, 1, 1, 0],
    );
    expect(fit.estimable).toBe(false);
    expect(fit.warnings.join(' ')).toMatch(/singular/);
  });
  it('rejects a non-binary response and ragged rows', () => {
    expect(() => fitLogistic([[1], [1]], [0, 2])).toThrow(/0 or 1/);
    expect(() => fitLogistic([[1, 0], [1]], [0, 1])).toThrow(/columns/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitNegativeBinomial } from '../../../src/numerics/glm/negative-binomial.js';
import { fitRateModel } from '../../../src/numerics/glm/rate-model.js';
import { relOrAbs } from './count-fixtures.js';

// Reference: test/fixtures/glm/make-flat-theta.R -> flat-theta.json (R 4.2.2, MASS 7.3). Likelihoods flat
// in θ (θ̂ 145–502, overdispersion barely present) where glm.nb with its default 25 iterations stops at
// "iteration limit reached" — the case that used to fall back to Poisson. `nb`: the exact maximum (root
// of the profile score, uniroot tol 1e-13) and the fit at it; `glmnb`: glm.nb(maxit = 200), whose own
// stopping rule leaves θ up to 2e-3 short of it on these likelihoods.
interface FlatCase {
  name: string;
  note: string;
  x: number[][];
  y: number[];
  offset: number[];
  sumSquaredResiduals: number;
  sumY: number;
  defaultWarnings: string[];
  nb: { coef: number[]; se: number[]; z: number[]; p: number[]; theta: number; seTheta: number; twoLogLik: number };
  glmnb: { coef: number[]; se: number[]; p: number[]; theta: number; seTheta: number; twoLogLik: number };
  poisson: { coef: number[]; p: number[] };
}
const cases = JSON.parse(
  readFileSync(new URL('../../fixtures/glm/flat-theta.json', import.meta.url), 'utf8'),
) as FlatCase[];
const SAP_THETA_MAX = 1e6;

describe('fitNegativeBinomial where the likelihood is flat in θ (glm.nb default: iteration limit)', () => {
  it('the fixture holds the 600-subject pipeline case and three simulated ones, all beyond glm.nb’s 25 steps', () => {
    expect(cases.map((c) => c.name)).toContain('sim600-seed2-nonrenal');
    expect(cases).toHaveLength(4);
    for (const c of cases) {
      expect(c.defaultWarnings).toContain('iteration limit reached');
      expect(c.sumSquaredResiduals).toBeGreaterThan(c.sumY); // overdispersed: the SAP's rule (i) does not apply
    }
  });
  for (const c of cases) {
    it(`${c.name}: θ, coefficients, SE, p, SE(θ), 2·logLik at the maximum; NEGBIN, not Poisson`, () => {
      const fit = fitNegativeBinomial(c.x, c.y, { offset: c.offset, thetaMax: SAP_THETA_MAX });
      expect(fit.poissonFallback).toBe(false);
      expect(fit.fallbackReasons).toEqual([]);
      expect(fit.estimable).toBe(true);
      expect(fit.thetaSearch).toBe('profile');
      expect(fit.warnings[0]).toMatch(/from the profile likelihood \(glm\.nb's alternation: .*limit reached/);
      // against the exact maximum
      expect(relOrAbs(fit.theta, c.nb.theta)).toBeLessThan(1e-7);
      fit.coefficients.forEach((k, j) => {
        expect(relOrAbs(k.estimate, c.nb.coef[j]!)).toBeLessThan(1e-8);
        expect(relOrAbs(k.se, c.nb.se[j]!)).toBeLessThan(1e-7);
        expect(relOrAbs(k.p, c.nb.p[j]!)).toBeLessThan(1e-7);
      });
      expect(relOrAbs(fit.thetaSe, c.nb.seTheta)).toBeLessThan(1e-5);
      expect(relOrAbs(fit.twoLogLik, c.nb.twoLogLik)).toBeLessThan(1e-12);
      // against glm.nb(maxit = 200): its looser stopping rule bounds the agreement
      expect(relOrAbs(fit.theta, c.glmnb.theta)).toBeLessThan(3e-3);
      fit.coefficients.forEach((k, j) => expect(relOrAbs(k.p, c.glmnb.p[j]!)).toBeLessThan(1e-4));
    });
  }
  it('θ̂ above the caller’s limit is θ = ∞: Poisson, with that reason (the limit is a parameter, not a constant)', () => {
    const c = cases.find((k) => k.name === 'sim600-seed2-nonrenal')!;
    expect(c.nb.theta).toBeGreaterThan(300);
    const low = fitRateModel(c.x, c.y, { offset: c.offset, thetaMax: 300 });
    expect(low.model).toBe('POISSON');
    expect(low.fallbackReasons.join(' ')).toMatch(/exceeds 300/);
    expect(relOrAbs(low.fit.coefficients[2]!.p, c.poisson.p[2]!)).toBeLessThan(1e-6);
    const high = fitRateModel(c.x, c.y, { offset: c.offset, thetaMax: 400 });
    expect(high.model).toBe('NEGBIN');
    expect(relOrAbs(high.fit.coefficients[2]!.p, c.nb.p[2]!)).toBeLessThan(1e-7);
  });
  it('rejects a missing or non-positive thetaMax', () => {
    const c = cases[0]!;
    expect(() => fitNegativeBinomial(c.x, c.y, { offset: c.offset, thetaMax: 0 })).toThrow(/thetaMax/);
    expect(() => fitNegativeBinomial(c.x, c.y, { offset: c.offset } as never)).toThrow(/thetaMax/);
  });
});

import { describe, expect, it } from 'vitest';
import { fitCox } from '../../../src/numerics/survival/cox.js';
import { waldRatio } from '../../../src/numerics/glm/wald.js';
import { diff, survivalCases } from './survival-fixtures.js';

// Reference: R 4.2.2, survival 3.5.3: coxph(Surv(time, status) ~ arm, ties = "efron" / "breslow"),
// default coxph.control; test/fixtures/survival/make-survival.R. Tolerance 1e-6 relative on coefficients,
// SE, z and p; 1e-9 on the log partial likelihood.
const estimable = survivalCases.filter((c) => c.efron.warnings.length === 0);

describe('fitCox against R coxph', () => {
  for (const c of estimable) {
    for (const ties of ['efron', 'breslow'] as const) {
      it(`${c.name}, ${ties} ties`, () => {
        const ref = c[ties];
        const fit = fitCox({ time: c.time, status: c.status }, c.x, { ties, names: c.columns });
        expect(fit.estimable).toBe(true);
        expect(fit.converged).toBe(true);
        expect(fit.mleExists).toBe(true);
        expect(fit.iterations).toBe(ref.iter);
        expect(diff(fit.logLik[0], ref.loglik[0]!)).toBeLessThan(1e-9);
        expect(diff(fit.logLik[1], ref.loglik[1]!)).toBeLessThan(1e-9);
        fit.coefficients.forEach((k, j) => {
          expect(diff(k.estimate, ref.coef[j]!)).toBeLessThan(1e-6);
          expect(diff(k.se, ref.se[j]!)).toBeLessThan(1e-6);
          expect(diff(k.z, ref.z[j]!)).toBeLessThan(1e-6);
          expect(diff(k.p, ref.p[j]!)).toBeLessThan(1e-6);
        });
      });
    }
  }
  it('arm-A-all-censored: coxph warns "coefficient may be infinite" (coef −21); here not estimable', () => {
    const c = survivalCases.find((k) => k.name === 'arm-A-all-censored')!;
    expect(c.efron.warnings[0]).toMatch(/may be infinite/);
    for (const ties of ['efron', 'breslow'] as const) {
      const fit = fitCox({ time: c.time, status: c.status }, c.x, { ties });
      expect(fit.mleExists).toBe(false);
      expect(fit.estimable).toBe(false);
      expect(fit.coefficients.every((k) => k.estimate === null)).toBe(true);
    }
  });
});

describe('fitCox by hand', () => {
  it('hazard ratio with Wald CI exp(b ± 1.959963984540054·se)', () => {
    const c = estimable[0]!;
    const fit = fitCox({ time: c.time, status: c.status }, c.x);
    const k = fit.coefficients[0]!;
    const hr = waldRatio(k);
    expect(hr.ratio).toBeCloseTo(Math.exp(k.estimate!), 14);
    expect(hr.lower).toBeCloseTo(Math.exp(k.estimate! - 1.959963984540054 * k.se!), 14);
  });
  it('no event at all: not estimable', () => {
    const fit = fitCox({ time: [1, 2, 3], status: [0, 0, 0] }, [[0], [1], [1]]);
    expect(fit.estimable).toBe(false);
    expect(fit.warnings[0]).toMatch(/no events/);
  });
  it('all events in group 1 and none in group 0: monotone partial likelihood detected', () => {
    // all events in group 1 occur while group 0 is at risk, and group 0 has none: β → +∞
    const fit = fitCox({ time: [1, 2, 3, 4, 5, 6], status: [1, 1, 1, 0, 0, 0] }, [[1], [1], [1], [0], [0], [0]]);
    expect(fit.mleExists).toBe(false);
    expect(fit.estimable).toBe(false);
  });
  it('rejects a covariate matrix of the wrong length', () => {
    expect(() => fitCox({ time: [1, 2], status: [1, 0] }, [[1]])).toThrow(/covariate matrix/);
  });
});

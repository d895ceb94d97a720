import { describe, expect, it } from 'vitest';
import { binomialFamily, poissonFamily } from '../../../src/numerics/glm/family.js';
import { fitIrls, totalDeviance } from '../../../src/numerics/glm/irls.js';

// Reference values (R 4.2.2, test/fixtures/glm/make-inline.R): f <- glm(c(2, 3, 6, 7, 8, 9, 10, 12, 15) ~ 1, family = poisson): coef 2.0794415420609118 (log 8 to ~4e-10,
// glm's stopping rule), 4 iterations, deviance 18.420610716651662, vcov 0.013888505460795822.
describe('fitIrls', () => {
  it('intercept-only Poisson: the same iterates as glm.fit (R, 1e-12 relative)', () => {
    const y = [2, 3, 6, 7, 8, 9, 10, 12, 15];
    const fit = fitIrls({ x: y.map(() => [1]), y, family: poissonFamily });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(4);
    expect(Math.abs(fit.beta![0]! / 2.0794415420609118 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(fit.deviance / 18.420610716651662 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(fit.covariance!.data[0]! / 0.013888505460795822 - 1)).toBeLessThan(1e-12);
    // the deviance is the sum of unit deviances at the final μ
    expect(fit.deviance).toBeCloseTo(totalDeviance(poissonFamily, y, fit.mu), 12);
  });
  it('stops at maxIterations and says it did not converge', () => {
    const y = [0, 0, 1, 1];
    const fit = fitIrls({
      x: [
        [1, 0],
        [1, 0],
        [1, 1],
        [1, 1],
      ],
      y,
      family: binomialFamily,
      control: { maxIterations: 2 },
    });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(2);
    expect(fit.warnings).toContain('IRLS did not converge');
  });
  it('a singular XᵀWX returns no coefficients', () => {
    const fit = fitIrls({
      x: [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
      y: [1, 2, 3],
      family: poissonFamily,
    });
    expect(fit.beta).toBeNull();
  });
});

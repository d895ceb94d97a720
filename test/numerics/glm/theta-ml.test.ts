import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { negativeBinomialLogLik, thetaMl } from '../../../src/numerics/glm/theta-ml.js';

// Reference: R 4.2.2, MASS 7.3: theta.ml(y, mu, limit = 25) with
// y <- c(0, 0, 1, 3, 7, 0, 2, 12, 1, 0); mu <- c(1, 1.5, 2, 2.5, 3, 1, 2, 4, 1.5, 1)
// (values in test/fixtures/glm/make-theta.R -> theta.json). Tolerance 1e-9 relative.
const ref = JSON.parse(readFileSync(new URL('../../fixtures/glm/theta.json', import.meta.url), 'utf8')) as {
  y: number[];
  mu: number[];
  theta: number;
  se: number;
  loglik: number;
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('thetaMl (MASS::theta.ml)', () => {
  it('θ and its SE as MASS', () => {
    const t = thetaMl(ref.y, ref.mu);
    expect(rel(t.theta, ref.theta)).toBeLessThan(1e-9);
    expect(rel(t.se, ref.se)).toBeLessThan(1e-9);
    expect(t.warnings).toEqual([]);
  });
  it('log-likelihood as glm.nb at that θ', () => {
    expect(rel(negativeBinomialLogLik(ref.theta, ref.y, ref.mu), ref.loglik)).toBeLessThan(1e-12);
  });
  it('no overdispersion: θ grows until the iteration limit and says so', () => {
    const y = [1, 1, 1, 1, 2, 0, 1, 1];
    const t = thetaMl(
      y,
      y.map(() => 1),
    );
    expect(t.warnings).toContain('theta iteration limit reached');
  });
});

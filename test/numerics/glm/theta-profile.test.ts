import digamma from '@stdlib/math-base-special-digamma';
import trigamma from '@stdlib/math-base-special-trigamma';
import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../../src/numerics/glm/brent-root.js';
import { thetaInformationCounts, thetaScoreCounts } from '../../../src/numerics/glm/theta-profile.js';

// The cancellation-free score/information against MASS::theta.ml's digamma/trigamma formulas where
// those are accurate (moderate θ); the flat-likelihood fits themselves are checked against R in
// negative-binomial-flat.test.ts.
const y = [0, 0, 1, 3, 7, 0, 2, 12, 1, 0, 4, 1];
const mu = [1, 1.5, 2, 2.5, 3, 1, 2, 4, 1.5, 1, 2.2, 0.7];
const massScore = (th: number) =>
  y.reduce(
    (s, v, i) =>
      s + digamma(th + v) - digamma(th) + Math.log(th) + 1 - Math.log(th + mu[i]!) - (v + th) / (mu[i]! + th),
    0,
  );
const massInfo = (th: number) =>
  y.reduce(
    (s, v, i) => s - trigamma(th + v) + trigamma(th) - 1 / th + 2 / (mu[i]! + th) - (v + th) / (mu[i]! + th) ** 2,
    0,
  );

describe('θ score and information for counts', () => {
  for (const th of [0.3, 1, 4.2, 66.5]) {
    it(`equal MASS's digamma/trigamma forms at θ = ${th}`, () => {
      expect(Math.abs(thetaScoreCounts(th, y, mu) - massScore(th))).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(massScore(th))),
      );
      expect(Math.abs(thetaInformationCounts(th, y, mu) - massInfo(th))).toBeLessThan(
        1e-8 * Math.max(1e-3, Math.abs(massInfo(th))),
      );
    });
  }
  it('keep the sign and size of the score at θ = 1e6, where it is ½(Σy − Σ(y − μ)²)/θ² to first order', () => {
    const th = 1e6;
    const first = (y.reduce((s, v) => s + v, 0) - y.reduce((s, v, i) => s + (v - mu[i]!) ** 2, 0)) / (2 * th * th);
    expect(Math.abs(thetaScoreCounts(th, y, mu) / first - 1)).toBeLessThan(1e-4);
  });
});

describe('brentRoot', () => {
  it('finds a root to the tolerance, keeping the bracket: a + → − crossing of a function with three roots', () => {
    const f = (x: number) => -(x - 1) * (x - 2) * (x - 3); // + on (−∞, 1), − (1, 2), + (2, 3), − (3, ∞)
    const r = brentRoot(f, 0, 10, f(0), f(10), 1e-12);
    expect(r.converged).toBe(true);
    expect([1, 3].some((root) => Math.abs(r.root - root) < 1e-11)).toBe(true); // never the − → + root 2
  });
  it('matches R uniroot on cos(x) − x (0.7390851332151607)', () => {
    const f = (x: number) => Math.cos(x) - x;
    expect(Math.abs(brentRoot(f, 0, 1, f(0), f(1), 1e-14).root - 0.7390851332151607)).toBeLessThan(1e-14);
  });
});

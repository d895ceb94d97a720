import { describe, expect, it } from 'vitest';
import { squareMatrix } from '../../../src/numerics/linalg/dense.js';
import { waldCoefficients, waldRatio } from '../../../src/numerics/glm/wald.js';

// Reference values: R 4.2.2, sprintf('%.17g', …): exp(0.5 + c(-1, 1) * qnorm(0.975) * 0.25) =
// 1.0100592614804444, 2.6912102409465142; 2 * pnorm(-2) = 0.045500263896358424;
// exp(0.5 - qnorm(0.95) * 0.25) = 1.0928474104382444.
describe('waldRatio', () => {
  it('OR = exp(b), CI exp(b ± 1.959963984540054·se), p = 2Φ(−|b/se|) (R, 1e-14 relative)', () => {
    const r = waldRatio({ name: 'b', estimate: 0.5, se: 0.25, z: 2, p: 0 });
    expect(r.ratio).toBeCloseTo(Math.exp(0.5), 15);
    expect(Math.abs(r.lower! / 1.0100592614804444 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(r.upper! / 2.6912102409465142 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(r.p! / 0.045500263896358424 - 1)).toBeLessThan(1e-12);
  });
  it('90% level uses z = qnorm(0.95) (R, 1e-14 relative)', () => {
    const r = waldRatio({ name: 'b', estimate: 0.5, se: 0.25, z: 2, p: 0 }, 0.9);
    expect(Math.abs(r.lower! / 1.0928474104382444 - 1)).toBeLessThan(1e-14);
  });
  it('a not-estimable coefficient gives nulls, never NaN or Infinity', () => {
    expect(waldRatio({ name: 'b', estimate: null, se: null, z: null, p: null })).toEqual({
      ratio: null,
      lower: null,
      upper: null,
      p: null,
      confidenceLevel: 0.95,
    });
    expect(waldRatio({ name: 'b', estimate: 1, se: 0, z: null, p: null }).ratio).toBeNull();
  });
  it('rejects a confidence level outside (0, 1)', () => {
    expect(() => waldRatio({ name: 'b', estimate: 1, se: 1, z: 1, p: 1 }, 95)).toThrow();
  });
});

describe('waldCoefficients', () => {
  it('se = √diag, z = b/se', () => {
    const cov = squareMatrix(2, [4, 1, 1, 9]);
    const [a, b] = waldCoefficients(['a', 'b'], [1, -6], cov);
    expect(a).toMatchObject({ name: 'a', estimate: 1, se: 2, z: 0.5 });
    expect(b).toMatchObject({ name: 'b', estimate: -6, se: 3, z: -2 });
    expect(b!.p).toBeCloseTo(0.045500263896358424, 15);
  });
});

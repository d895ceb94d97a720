import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileType2, sortedQuantileType2 } from '../../../src/numerics/descriptive/quantile.js';

// Source: test/fixtures/descriptive/make-descriptive.R (R 4.2.2), numbers written with %.17g.
interface SummaryCase {
  name: string;
  x: number[];
  probs: number[];
  quantiles: number[];
}
interface PercentCase {
  name: string;
  x: number[];
  k: number[];
  exact: number[];
  r_type2: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/descriptive/descriptive.json', import.meta.url), 'utf8'),
) as { summaries: SummaryCase[]; percent: PercentCase[] };

/**
 * Brute-force definition of PCTLDEF=5 for p = k/d in integer arithmetic: the average of the left
 * and right limits of the inverse of the empirical distribution function,
 * min{v : F(v) ≥ p} and min{v : F(v) > p} (the maximum when no value has F(v) > p).
 */
function bruteForce(x: readonly number[], k: number, d: number): number {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  const count = (v: number) => s.filter((w) => w <= v).length;
  const left = s.find((v) => count(v) * d >= n * k) as number;
  const right = s.find((v) => count(v) * d > n * k) ?? (s[n - 1] as number);
  return left === right ? left : 0.5 * left + 0.5 * right;
}

describe('quantileType2', () => {
  it('equals R quantile(type = 2) for dyadic probabilities (exact equality)', () => {
    for (const c of fixture.summaries) {
      c.probs.forEach((p, i) => {
        expect(quantileType2(c.x, p), `${c.name} p=${p}`).toBe(c.quantiles[i]);
      });
    }
  });

  it('equals the integer-arithmetic PCTLDEF=5 definition for p = k/100 (exact equality)', () => {
    for (const c of fixture.percent) {
      c.k.forEach((k, i) => {
        expect(quantileType2(c.x, k / 100), `${c.name} k=${k}`).toBe(c.exact[i]);
      });
    }
  });

  it('differs from R 4.2.2 only where R decides a whole n·p on the rounded floating product', () => {
    const doses = fixture.percent.find((c) => c.name === 'doses100') as PercentCase;
    const differing = doses.k.filter((_, i) => doses.exact[i] !== doses.r_type2[i]);
    // Source: descriptive.json; 100 × 0.07 = 7.000000000000001 and 100 × 0.29 = 28.999999999999996 in binary.
    expect(differing).toEqual([7, 14, 28, 29, 55, 56, 57, 58]);
    expect(
      quantileType2(
        [...Array(100).keys()].map((i) => i + 1),
        0.07,
      ),
    ).toBe(7.5);
  });

  it('gives the minimum at p = 0, the maximum at p = 1, null without values', () => {
    expect(quantileType2([3, 1, 2], 0)).toBe(1);
    expect(quantileType2([3, 1, 2], 1)).toBe(3);
    expect(quantileType2([], 0.5)).toBeNull();
  });

  it('does not depend on the input order and does not modify the input', () => {
    const x = [5, 1, 4, 2, 3, 6];
    expect(quantileType2(x, 0.5)).toBe(3.5);
    expect(x).toEqual([5, 1, 4, 2, 3, 6]);
  });

  it('rejects p outside [0, 1] and NaN values', () => {
    expect(() => quantileType2([1], 1.5)).toThrow(RangeError);
    expect(() => quantileType2([1], Number.NaN)).toThrow(RangeError);
    expect(() => quantileType2([1, Number.NaN], 0.5)).toThrow(RangeError);
  });

  it('matches the brute-force definition for p = k/100 and k/1000 (property, exact equality)', () => {
    const values = fc.array(
      fc.integer({ min: -50, max: 50 }).map((v) => v / 4),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        values,
        fc.integer({ min: 0, max: 100 }),
        (x, k) => quantileType2(x, k / 100) === bruteForce(x, k, 100),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        values,
        fc.integer({ min: 0, max: 1000 }),
        (x, k) => quantileType2(x, k / 1000) === bruteForce(x, k, 1000),
      ),
      { numRuns: 500 },
    );
  });

  it('decides n·p exactly also where n times the numerator is past 2^53 (numbers, then BigInt)', () => {
    // x₍ᵢ₎ = i, read only where asked: the (j+1)-th value is j + 1, a whole n·p = j averages j and j + 1.
    const ramp = (n: number): ArrayLike<number> =>
      new Proxy({ length: n } as ArrayLike<number>, {
        get: (_target, key) => (key === 'length' ? n : Number(key) + 1),
      });
    // n·7 = 7·10^14 is a safe integer (number arithmetic); 7/100 of it is whole.
    expect(sortedQuantileType2(ramp(1e14), 0.07)).toBe(0.5 * 7e12 + 0.5 * (7e12 + 1));
    // n·7 = 2.1·10^16 is not (BigInt arithmetic); n·0.07 = 2.1·10^14 is whole all the same.
    expect(sortedQuantileType2(ramp(3e15), 0.07)).toBe(0.5 * 2.1e14 + 0.5 * (2.1e14 + 1));
    // and one past: n·0.07 = 2.1·10^14 + 0.07 is not whole, x₍ⱼ₊₁₎ with j = 2.1·10^14
    expect(sortedQuantileType2(ramp(3e15 + 1), 0.07)).toBe(2.1e14 + 1);
  });

  it('sortedQuantileType2 of sorted values is quantileType2 (property, exact equality)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (x, k) => {
          const sorted = [...x].sort((a, b) => a - b);
          return sortedQuantileType2(sorted, k / 100) === quantileType2(x, k / 100);
        },
      ),
      { numRuns: 300 },
    );
  });
});

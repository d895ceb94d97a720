import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accurateSum, accurateSumOf } from '../../../src/numerics/descriptive/accurate-sum.js';

describe('accurateSum (Neumaier)', () => {
  it('recovers terms that a naive sum loses (exact expected values by hand)', () => {
    // Naive left-to-right: 1e100 + 1 − 1e100 = 0; the exact sum is 1.
    expect(accurateSum([1e100, 1, -1e100])).toBe(1);
    expect(accurateSum([1, 1e100, 1, -1e100])).toBe(2);
  });
  it('sums ten 0.1s to the double nearest 1 (naive summation gives 0.9999999999999999)', () => {
    expect(accurateSum(Array(10).fill(0.1))).toBe(1);
  });
  it('is 0 for no values', () => {
    expect(accurateSum([])).toBe(0);
  });
});

describe('accurateSumOf', () => {
  it('gives the bits accurateSum gives on the array of the terms', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })), (x) => {
        expect(
          Object.is(
            accurateSumOf(x.length, (i) => x[i] as number),
            accurateSum(x),
          ),
        ).toBe(true);
        expect(
          Object.is(
            accurateSumOf(x.length, (i) => ((x[i] as number) - 3) ** 2),
            accurateSum(x.map((v) => (v - 3) ** 2)),
          ),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

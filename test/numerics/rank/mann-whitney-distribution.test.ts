import { describe, expect, it } from 'vitest';
import { mannWhitneyCounts, mannWhitneyTails } from '../../../src/numerics/rank/mann-whitney-distribution.js';

/** Brute force: U over every choice of which m of the ranks 1…m+n belong to x. */
function bruteForceCounts(m: number, n: number): number[] {
  const counts = new Array<number>(m * n + 1).fill(0);
  const total = m + n;
  for (let mask = 0; mask < 1 << total; mask++) {
    let bits = 0;
    let rankSum = 0;
    for (let r = 0; r < total; r++)
      if (mask & (1 << r)) {
        bits++;
        rankSum += r + 1;
      }
    if (bits === m) counts[rankSum - (m * (m + 1)) / 2]! += 1;
  }
  return counts;
}

describe('mannWhitneyCounts', () => {
  it('equals brute-force enumeration for all m, n ≤ 7 (exact integers)', () => {
    for (let m = 0; m <= 7; m++)
      for (let n = 0; n <= 7; n++) {
        expect(Array.from(mannWhitneyCounts(m, n)), `${m},${n}`).toEqual(bruteForceCounts(m, n));
      }
  });

  it('sums to C(m + n, m) and is symmetric (C(20, 10) = 184756)', () => {
    const c = Array.from(mannWhitneyCounts(10, 10));
    expect(c.reduce((s, v) => s + v, 0)).toBe(184756);
    expect(c).toEqual([...c].reverse());
  });

  // Source: R 4.2.2, sprintf('%.17g', pwilcox(5, 6, 7)) = 0.011072261072261072 and
  // pwilcox(30, 10, 8, lower.tail = FALSE) = P(U ≥ 31) = 0.79587732528909005; 1e-14 relative.
  it('gives R pwilcox tail probabilities', () => {
    expect(Math.abs(mannWhitneyTails(mannWhitneyCounts(6, 7), 5).lower / 0.011072261072261072 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(mannWhitneyTails(mannWhitneyCounts(10, 8), 31).upper / 0.79587732528909005 - 1)).toBeLessThan(
      1e-14,
    );
    // By hand: only the arrangement with all three x above all three y has U = 9, of C(6, 3) = 20.
    expect(mannWhitneyTails(mannWhitneyCounts(3, 3), 9).upper).toBe(1 / 20);
  });
});

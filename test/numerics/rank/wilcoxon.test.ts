import { describe, expect, it } from 'vitest';
import { wilcoxonRankSum } from '../../../src/numerics/rank/wilcoxon.js';
import { rankCases } from './rank-fixture.js';

const rel = (a: number | null, b: number) => Math.abs((a as number) - b) / Math.abs(b);

describe('wilcoxonRankSum', () => {
  // Source: R wilcox.test(x, y, exact = FALSE, correct = TRUE) for the samples of make-rank.R
  // (no ties, ties from doses, decimal ties after rounding, 3 vs 40 up to 80 vs 75).
  it('matches R normal approximation with continuity and tie corrections (W exact, p 1e-12 relative)', () => {
    for (const c of rankCases) {
      const r = wilcoxonRankSum(c.x, c.y);
      expect(r.method).toBe('normal');
      expect(r.statistic, c.name).toBe(c.normal.W[0]);
      expect(rel(r.p, c.normal.p[0]), c.name).toBeLessThan(1e-12);
    }
  });

  // Source: R wilcox.test(x, y, exact = TRUE) for the samples without ties (pwilcox).
  it('matches R exact p for samples without ties (1e-12 relative)', () => {
    for (const c of rankCases.filter((k) => k.exact !== undefined)) {
      const r = wilcoxonRankSum(c.x, c.y, { exact: true });
      expect(r.method).toBe('exact');
      expect(r.statistic).toBe(c.exact?.W[0]);
      expect(rel(r.p, c.exact?.p[0] as number), c.name).toBeLessThan(1e-12);
    }
  });

  it('falls back to the normal approximation with a warning when exact is asked with ties (as R)', () => {
    const c = rankCases.find((k) => k.name === 'ties-doses')!;
    const r = wilcoxonRankSum(c.x, c.y, { exact: true });
    expect(r.method).toBe('normal');
    expect(r.warnings).toHaveLength(1);
    expect(rel(r.p, c.normal.p[0])).toBeLessThan(1e-12);
  });

  it('has no p when every value is tied, and no statistic when an arm is empty', () => {
    expect(wilcoxonRankSum([2, 2], [2, 2, 2])).toMatchObject({ statistic: 3, p: null });
    expect(wilcoxonRankSum([], [1, 2])).toMatchObject({ statistic: null, p: null, n1: 0, n2: 2 });
  });

  it('W of x and W of y add up to n1·n2 and give the same p', () => {
    const c = rankCases.find((k) => k.name === 'gamma-80-75')!;
    const a = wilcoxonRankSum(c.x, c.y);
    const b = wilcoxonRankSum(c.y, c.x);
    expect((a.statistic as number) + (b.statistic as number)).toBe(80 * 75);
    expect(b.p).toBe(a.p);
  });

  it('rejects non-finite values', () => {
    expect(() => wilcoxonRankSum([1, Number.NaN], [2])).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { hodgesLehmann } from '../../../src/numerics/rank/hodges-lehmann.js';
import { rankCases } from './rank-fixture.js';

describe('hodgesLehmann', () => {
  // Source: R wilcox.test(x, y, exact = TRUE, conf.int = TRUE, conf.level = 0.95 / 0.90) for the
  // samples without ties; the estimate and the bounds are elements (or the mean of two) of the
  // sorted differences, computed as R does: exact equality.
  it('equals R exact estimate and confidence interval (exact equality)', () => {
    for (const c of rankCases.filter((k) => k.exact !== undefined)) {
      const r95 = hodgesLehmann(c.x, c.y);
      expect(r95.estimate, c.name).toBe(c.exact?.estimate[0]);
      expect([r95.lower, r95.upper], c.name).toEqual(c.exact?.ci95);
      const r90 = hodgesLehmann(c.x, c.y, 0.9);
      expect([r90.lower, r90.upper], c.name).toEqual(c.exact?.ci90);
    }
  });

  it('warns when the level is not achievable (1 vs 1 value: R warns likewise)', () => {
    const r = hodgesLehmann([2], [1]);
    expect(r).toMatchObject({ estimate: 1, lower: 1, upper: 1, achievedLevel: 0 });
    expect(r.warnings).toHaveLength(1);
  });

  // Source: make-rank.R median(outer(x, y, "-")) and R's tie-case estimate (uniroot on the normal
  // score), which this function deliberately does not reproduce.
  it('with ties gives the median of the differences and no interval; R differs slightly', () => {
    for (const c of rankCases.filter((k) => k.ties)) {
      const r = hodgesLehmann(c.x, c.y);
      expect(r.estimate, c.name).toBe(c.diffs_median[0]);
      expect(r.lower).toBeNull();
      expect(r.warnings).toHaveLength(1);
      expect(Math.abs((r.estimate as number) - (c.r_normal_estimate?.[0] as number))).toBeLessThan(
        1e-3 * Math.max(1, Math.abs(r.estimate as number)),
      );
    }
  });

  it('is null without values in an arm', () => {
    expect(hodgesLehmann([], [1]).estimate).toBeNull();
  });
});

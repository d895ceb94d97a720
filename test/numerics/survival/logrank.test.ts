import { describe, expect, it } from 'vitest';
import { logRankTest } from '../../../src/numerics/survival/logrank.js';
import { diff, survivalCases } from './survival-fixtures.js';

// Reference: R 4.2.2, survival 3.5.3: survdiff(Surv(time, status) ~ arm) on all three arms and on each
// arm with PBO; test/fixtures/survival/make-survival.R. Tolerance 1e-10 relative (observed counts exact).
describe('logRankTest against R survdiff', () => {
  for (const c of survivalCases) {
    it(`${c.name}: three groups and each arm vs PBO`, () => {
      const all = logRankTest({ time: c.time, status: c.status }, c.arm);
      const order = ['PBO', 'A', 'B'].filter((g) => all.groups.includes(g));
      order.forEach((g, i) => {
        const j = all.groups.indexOf(g);
        expect(all.observed[j]).toBe(c.logrank.observed[i]);
        expect(diff(all.expected[j]!, c.logrank.expected[i]!)).toBeLessThan(1e-12);
      });
      expect(all.df).toBe(c.logrank.df);
      expect(diff(all.chiSquare, c.logrank.chisq)).toBeLessThan(1e-10);
      expect(diff(all.p, c.logrank.p)).toBeLessThan(1e-10);
      for (const pair of c.logrankPairs) {
        const keep = c.arm.flatMap((a, i) => (a === 'PBO' || a === pair.group ? [i] : []));
        const t = logRankTest(
          { time: keep.map((i) => c.time[i]!), status: keep.map((i) => c.status[i]!) },
          keep.map((i) => c.arm[i]!),
        );
        expect(t.df).toBe(pair.df);
        expect(diff(t.chiSquare, pair.chisq)).toBeLessThan(1e-10);
        expect(diff(t.p, pair.p)).toBeLessThan(1e-10);
      }
    });
  }
});

describe('logRankTest edge cases', () => {
  it('two groups, one event each at distinct times: χ² by hand', () => {
    // t=1: n=4 (2+2), d=1 in group a: E_a = 0.5, V = 1·3/3·(1/2)(1/2) = 0.25
    // t=2: n=3 (a:1, b:2), d=1 in b: E_a = 1/3, V = 1·2/2·(1/3)(2/3) = 2/9
    const t = logRankTest({ time: [1, 3, 2, 4], status: [1, 0, 1, 0] }, ['a', 'a', 'b', 'b']);
    const oe = 1 - (0.5 + 1 / 3);
    expect(t.chiSquare).toBeCloseTo((oe * oe) / (0.25 + 2 / 9), 14);
  });
  it('no event in either group: χ² and p are null (not estimable)', () => {
    const t = logRankTest({ time: [1, 2, 3, 4], status: [0, 0, 0, 0] }, ['a', 'a', 'b', 'b']);
    expect(t.chiSquare).toBeNull();
    expect(t.p).toBeNull();
    expect(t.warnings.length).toBe(1);
  });
  it('needs two groups', () => {
    expect(() => logRankTest({ time: [1, 2], status: [1, 1] }, ['a', 'a'])).toThrow(/two groups/);
  });
});

import { describe, expect, it } from 'vitest';
import { cochranMantelHaenszel } from '../../../src/numerics/binary/cmh.js';
import { fixture } from './binary-fixture.js';

// Relative error; absolute where the reference is exactly 0 (one statistic is).
const rel = (a: number | null, b: number) => Math.abs((a as number) - b) / (b === 0 ? 1 : Math.abs(b));
const toTables = (strata: [number, number, number, number][]) => strata.map(([a, b, c, d]) => ({ a, b, c, d }));

describe('cochranMantelHaenszel', () => {
  // Source: R mantelhaen.test(array, correct = FALSE) (statistic, p.value, estimate, conf.int at
  // 0.95 and 0.90) for six sets of strata incl. UCBAdmissions; tolerance 1e-12 relative
  // (absolute for a reference of exactly 0).
  it('matches R mantelhaen.test(correct = FALSE) (1e-12 relative)', () => {
    for (const ref of fixture.cmh) {
      const r = cochranMantelHaenszel(toTables(ref.strata));
      expect(rel(r.statistic, ref.statistic[0])).toBeLessThan(1e-12);
      expect(rel(r.p, ref.p[0])).toBeLessThan(1e-12);
      expect(rel(r.estimate, ref.estimate[0])).toBeLessThan(1e-12);
      expect(rel(r.lower, ref.ci95[0])).toBeLessThan(1e-12);
      expect(rel(r.upper, ref.ci95[1])).toBeLessThan(1e-12);
      const r90 = cochranMantelHaenszel(toTables(ref.strata), 0.9);
      expect(rel(r90.lower, ref.ci90[0])).toBeLessThan(1e-12);
      expect(rel(r90.upper, ref.ci90[1])).toBeLessThan(1e-12);
      expect(r.strataUsed).toBe(ref.strata.length);
    }
  });

  it('leaves out strata with fewer than 2 subjects (where R stops with an error)', () => {
    const ref = fixture.cmh[0] as (typeof fixture.cmh)[number];
    const r = cochranMantelHaenszel([...toTables(ref.strata), { a: 1, b: 0, c: 0, d: 0 }, { a: 0, b: 0, c: 0, d: 0 }]);
    expect(r.strataUsed).toBe(2);
    expect(rel(r.statistic, ref.statistic[0])).toBeLessThan(1e-12);
  });

  it('has no odds ratio when it is 0 or infinite, and no statistic without variance', () => {
    const r = cochranMantelHaenszel([{ a: 0, b: 5, c: 3, d: 2 }, { a: 0, b: 4, c: 1, d: 3 }]);
    expect(r.estimate).toBeNull();
    expect(r.statistic).not.toBeNull();
    const none = cochranMantelHaenszel([{ a: 0, b: 5, c: 0, d: 5 }]);
    expect(none).toMatchObject({ statistic: null, p: null, estimate: null, lower: null, upper: null });
  });
});

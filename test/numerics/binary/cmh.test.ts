import { describe, expect, it } from 'vitest';
import { cochranMantelHaenszel } from '../../../src/numerics/binary/cmh.js';
import { readFileSync } from 'node:fs';
import { fixture } from './binary-fixture.js';

/** R values of make-cmh-edge.R: numbers, "Inf" for an infinite estimate, null for NaN. */
interface EdgeRef {
  strata: [number, number, number, number][];
  statistic: [number | null];
  p: [number | null];
  estimate: [number | 'Inf' | null];
  ci95: [number | null, number | null];
}
const edge = JSON.parse(
  readFileSync(new URL('../../fixtures/binary/cmh-edge.json', import.meta.url), 'utf8'),
) as Record<string, EdgeRef>;

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
    const r = cochranMantelHaenszel([
      { a: 0, b: 5, c: 3, d: 2 },
      { a: 0, b: 4, c: 1, d: 3 },
    ]);
    expect(r.estimate).toBeNull();
    expect(r.statistic).not.toBeNull();
    const none = cochranMantelHaenszel([{ a: 0, b: 5, c: 0, d: 5 }]);
    expect(none).toMatchObject({ statistic: null, p: null, estimate: null, lower: null, upper: null });
  });

  // Source: R mantelhaen.test(correct = FALSE), test/fixtures/binary/make-cmh-edge.R: the sparse strata
  // of a small trial. Where R's estimate is infinite, 0 or NaN (Σad/n or Σbc/n is 0) the odds ratio and
  // its CI are not estimable (null); where R's statistic is NaN (CMH variance 0) so is p. 1e-12 relative.
  it.each(Object.entries(edge))('sparse strata as R reports them: %s', (_name, ref) => {
    const r = cochranMantelHaenszel(toTables(ref.strata));
    const close = (mine: number | null, theirs: number | 'Inf' | null) => {
      if (theirs === null || theirs === 'Inf' || theirs === 0) expect(mine).toBeNull();
      else expect(rel(mine, theirs)).toBeLessThan(1e-12);
    };
    close(r.statistic, ref.statistic[0]);
    close(r.p, ref.p[0]);
    close(r.estimate, ref.estimate[0]);
    if (ref.estimate[0] === 0 || ref.estimate[0] === 'Inf' || ref.estimate[0] === null) {
      expect([r.lower, r.upper]).toEqual([null, null]);
    } else {
      close(r.lower, ref.ci95[0]);
      close(r.upper, ref.ci95[1]);
    }
  });

  it('one stratum (R refuses: "each dimension in table must be >= 2"), by hand', () => {
    // a = 3, b = 1, c = 2, d = 4, t = 10: E a = (a+b)(a+c)/t = 4·5/10 = 2, a − E a = 1;
    // Var a = (a+b)(c+d)(a+c)(b+d) / (t²(t−1)) = 4·6·5·5 / (100·9) = 2/3; Q = 1² / (2/3) = 1.5
    // (= Pearson's 10·(12−2)²/600 = 5/3 times (t−1)/t); p = P(χ²₁ > 1.5) = 0.22067136191984676 (R pchisq).
    // ψ = (ad/t)/(bc/t) = 1.2/0.2 = 6. RBG with R = 1.2, S = 0.2, P = 0.7, Q = 0.3:
    // PR/(2R²) + (PS+QR)/(2RS) + QS/(2S²) = 0.84/2.88 + 0.5/0.48 + 0.06/0.08 = 25/12 (= 1/3+1+1/2+1/4, Woolf's
    // variance: one stratum); CI = 6·exp(∓1.959963984540054·√(25/12)) = 0.3544440171892492, 101.5675205508644.
    const one = { a: 3, b: 1, c: 2, d: 4 };
    const z = 1.959963984540054;
    for (const strata of [[one], [one, { a: 0, b: 0, c: 1, d: 0 }]]) {
      // …and the same with a second stratum of one subject, which carries no information and is left out.
      const r = cochranMantelHaenszel(strata);
      expect(rel(r.statistic, 1.5)).toBeLessThan(1e-14);
      expect(rel(r.p, 0.22067136191984676)).toBeLessThan(1e-13);
      expect(rel(r.estimate, 6)).toBeLessThan(1e-14);
      expect(rel(r.lower, 6 * Math.exp(-z * Math.sqrt(25 / 12)))).toBeLessThan(1e-13);
      expect(rel(r.upper, 6 * Math.exp(z * Math.sqrt(25 / 12)))).toBeLessThan(1e-13);
      expect(rel(r.lower, 0.3544440171892492)).toBeLessThan(1e-13);
      expect(rel(r.upper, 101.5675205508644)).toBeLessThan(1e-13);
      expect(r.strataUsed).toBe(1);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierByGroup, survivalAt } from '../../../src/numerics/survival/kaplan-meier.js';
import { diff, survivalCases } from './survival-fixtures.js';

// Reference: R 4.2.2, survival 3.5.3: survfit(Surv(time, status) ~ arm) (Greenwood, conf.type "log")
// and summary(fit, times = t, extend = TRUE); test/fixtures/survival/make-survival.R.
// Tolerance 1e-12 relative (counts exact).
describe('kaplanMeierByGroup against R survfit', () => {
  for (const c of survivalCases) {
    it(`${c.name}: time, n.risk, n.event, n.censor exact; S, SE(log S), CI within 1e-12`, () => {
      const curves = kaplanMeierByGroup({ time: c.time, status: c.status }, c.arm);
      expect(curves.map((g) => g.group).sort()).toEqual(Object.keys(c.km).sort());
      for (const { group, curve } of curves) {
        const r = c.km[group]!;
        expect(curve.time).toEqual(r.time);
        expect(curve.nRisk).toEqual(r.nRisk);
        expect(curve.nEvent).toEqual(r.nEvent);
        expect(curve.nCensor).toEqual(r.nCensor);
        curve.survival.forEach((s, j) => expect(diff(s, r.surv[j]!)).toBeLessThan(1e-12));
        // survfit's std.err is 0 at S = 1 and Inf (written null) at S = 0
        curve.stdErrLog.forEach((s, j) => expect(diff(s, r.seLog[j]!)).toBeLessThan(1e-12));
        curve.lower.forEach((s, j) => expect(diff(s, r.lower[j]!)).toBeLessThan(1e-12));
        curve.upper.forEach((s, j) => expect(diff(s, r.upper[j]!)).toBeLessThan(1e-12));
      }
    });
  }
});

describe('survivalAt against R summary.survfit(times =, extend = TRUE), with the SAP rule past the last time', () => {
  for (const c of survivalCases) {
    it(`${c.name}`, () => {
      for (const { group, curve } of kaplanMeierByGroup({ time: c.time, status: c.status }, c.arm)) {
        const r = c.at[group]!;
        const lastTime = curve.time[curve.time.length - 1]!;
        const lastS = curve.survival[curve.survival.length - 1]!;
        r.times.forEach((t, j) => {
          const e = survivalAt(curve, t);
          if (t <= lastTime) {
            expect(diff(e.survival, r.surv[j]!)).toBeLessThan(1e-12);
            expect(diff(e.stdErr, r.se[j]!)).toBeLessThan(1e-12);
            expect(diff(e.lower, r.lower[j]!)).toBeLessThan(1e-12);
            expect(diff(e.upper, r.upper[j]!)).toBeLessThan(1e-12);
          } else if (lastS === 0) {
            expect(e).toEqual({ time: t, survival: 0, stdErr: null, lower: null, upper: null });
            expect(r.surv[j]).toBe(0);
          } else {
            // R would carry S forward here; the SAP reports no estimate
            expect(e).toEqual({ time: t, survival: null, stdErr: null, lower: null, upper: null });
          }
        });
      }
    });
  }
});

describe('kaplanMeier by hand', () => {
  it('textbook example: S = 0.8, 0.6, ·, 0.3 with Greenwood Σd/(n(n−d))', () => {
    // times 1, 2, 3+, 4, 4 (n = 5): S(1) = 4/5, S(2) = 3/5, S(4) = 0 after both deaths at 4
    const km = kaplanMeier({ time: [4, 1, 3, 2, 4], status: [1, 1, 0, 1, 1] });
    expect(km.time).toEqual([1, 2, 3, 4]);
    expect(km.nRisk).toEqual([5, 4, 3, 2]);
    expect(km.survival[1]).toBeCloseTo(0.6, 15);
    expect(km.stdErrLog[1]).toBeCloseTo(Math.sqrt(1 / 20 + 1 / 12), 15);
    expect(km.survival[3]).toBe(0);
    expect([km.stdErr[3], km.lower[3], km.upper[3]]).toEqual([null, null, null]);
  });
  it('before the first time the estimate is 1 with SE 0', () => {
    const km = kaplanMeier({ time: [5, 6], status: [1, 0] });
    expect(survivalAt(km, 2)).toEqual({ time: 2, survival: 1, stdErr: 0, lower: 1, upper: 1 });
  });
  it('rejects a status other than 0/1 and mismatched lengths', () => {
    expect(() => kaplanMeier({ time: [1, 2], status: [1, 2] })).toThrow(/status/);
    expect(() => kaplanMeierByGroup({ time: [1, 2], status: [1, 0] }, ['a'])).toThrow(/group/);
  });
});

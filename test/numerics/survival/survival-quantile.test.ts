import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierByGroup } from '../../../src/numerics/survival/kaplan-meier.js';
import { survivalMedian, survivalQuantile } from '../../../src/numerics/survival/survival-quantile.js';
import { diff, survivalCases } from './survival-fixtures.js';

// Reference: R 4.2.2, survival 3.5.3: quantile(survfit(...), 0.5) — median, lower, upper (exact
// for the hand-made case "median-rules"); test/fixtures/survival/make-survival.R. Tolerance 1e-12.
describe('survivalMedian against R quantile.survfit', () => {
  for (const c of survivalCases) {
    it(`${c.name}${c.note ? ` (${c.note})` : ''}`, () => {
      for (const { group, curve } of kaplanMeierByGroup({ time: c.time, status: c.status }, c.arm)) {
        const r = c.km[group]!;
        const m = survivalMedian(curve);
        expect(diff(m.quantile, r.median[0]!)).toBeLessThan(1e-12);
        expect(diff(m.lower, r.medianLower[0]!)).toBeLessThan(1e-12);
        expect(diff(m.upper, r.medianUpper[0]!)).toBeLessThan(1e-12);
      }
    });
  }
  it('the hand-made rules: midpoint when S = 0.5 on an interval, last-time average, lower bound without a median', () => {
    const c = survivalCases.find((k) => k.name === 'median-rules')!;
    const byArm = Object.fromEntries(
      kaplanMeierByGroup({ time: c.time, status: c.status }, c.arm).map((g) => [g.group, survivalMedian(g.curve)]),
    );
    expect(byArm.PBO!.quantile).toBe(2.5); // S = 0.5 on [2, 3)
    expect(byArm.A!.quantile).toBe(5.5); // S = 0.5 from 2 to the last time 9: (2 + 9) / 2
    expect(byArm.B!.quantile).toBeNull(); // S stays at 2/3
    expect(byArm.B!.lower).toBe(4); // the lower CI curve crosses 0.5 at 4
  });
});

describe('survivalQuantile', () => {
  it('other probabilities: first quartile of 1..8 all events is 2.5 (S = 0.75 on [2, 3))', () => {
    const km = kaplanMeier({ time: [1, 2, 3, 4, 5, 6, 7, 8], status: [1, 1, 1, 1, 1, 1, 1, 1] });
    expect(survivalQuantile(km, 0.25).quantile).toBe(2.5);
    expect(survivalQuantile(km, 0.3).quantile).toBe(3);
  });
  it('no event: nothing is reached', () => {
    const km = kaplanMeier({ time: [1, 2, 3], status: [0, 0, 0] });
    expect(survivalMedian(km)).toEqual({ probability: 0.5, quantile: null, lower: null, upper: null });
  });
  it('rejects probabilities outside (0, 1)', () => {
    expect(() => survivalQuantile(kaplanMeier({ time: [1], status: [1] }), 1)).toThrow();
  });
});

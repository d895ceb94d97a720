import { describe, expect, it } from 'vitest';
import { planTrial } from '../../src/simulate/trial-plan.js';

describe('planTrial: arms, strata and planned exceptions', () => {
  const n = 600;
  const plan = planTrial('plan-test', n);
  const s = plan.subjects;

  it('enrolls n subjects with unique USUBJIDs of the DTS form at sites 101–109', () => {
    expect(s).toHaveLength(n);
    expect(new Set(s.map((x) => x.usubjid)).size).toBe(n);
    for (const x of s) expect(x.usubjid).toMatch(/^SLEMSC01-(10[1-9])-\d{3}$/);
    expect(new Set(s.map((x) => x.siteid)).size).toBe(9);
  });

  it('meets the inclusion SLEDAI-2K ≥ 6 and sets the stratum from it, except the planned mis-stratification', () => {
    for (const x of s) expect(x.screeningSledai).toBeGreaterThanOrEqual(6);
    const wrong = s.filter((x) => x.stratum !== (x.screeningSledai >= 10 ? '>=10' : '<10'));
    // round(600 × 0.004) = 2 planned IWRS errors.
    expect(wrong).toHaveLength(2);
    const high = s.filter((x) => x.stratum === '>=10').length;
    expect(high / n).toBeGreaterThan(0.3);
    expect(high / n).toBeLessThan(0.7);
  });

  it('randomizes 1:1:1 (each arm within 10 subjects of n/3) and infuses per plan', () => {
    for (const arm of ['PBO', 'MSC1E6', 'MSC5E6']) {
      expect(Math.abs(s.filter((x) => x.armcd === arm).length - n / 3)).toBeLessThanOrEqual(10);
    }
    expect(s.filter((x) => x.actarmcd === null)).toHaveLength(12); // round(600 × 0.02)
    expect(s.filter((x) => x.actarmcd !== null && x.actarmcd !== x.armcd)).toHaveLength(2); // round(600 × 0.004)
    expect(s.filter((x) => x.dies)).toHaveLength(3); // round(600 × 0.005)
    expect(s.filter((x) => x.missVisit === 7)).toHaveLength(15); // round(600 × 0.025)
    expect(s.filter((x) => x.missVisit === 8)).toHaveLength(8); // round(600 × 0.0125)
  });

  it('orders dates consent ≤ screening < randomization < infusion, screening within day −28…−1', () => {
    for (const x of s) {
      expect(x.consentDay).toBeLessThanOrEqual(x.screeningDay);
      expect(x.randDay).toBeGreaterThan(x.screeningDay);
      expect(x.randDay).toBeLessThan(x.day0);
      expect(x.day0 - x.screeningDay).toBeGreaterThanOrEqual(1);
      expect(x.day0 - x.screeningDay).toBeLessThanOrEqual(28);
    }
  });

  it('has no exceptions for a tiny trial and rejects a bad n', () => {
    const tiny = planTrial('tiny', 3);
    expect(tiny.subjects.every((x) => x.actarmcd === x.armcd && !x.dies && x.missVisit === null)).toBe(true);
    expect(() => planTrial('x', 0)).toThrow(RangeError);
    expect(() => planTrial('x', 2.5)).toThrow(RangeError);
  });
});

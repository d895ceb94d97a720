import { describe, expect, it } from 'vitest';
import { computeCensorMarks, computeKaplanMeierSteps, computeNumberAtRisk, kaplanMeierStepSeries } from '../../src/figures/km-curve.js';
import { kaplanMeier } from '../../src/numerics/survival/kaplan-meier.js';

// Hand-worked: times 1, 2, 2, 3, 5 with status 1, 0, 1, 1, 0 (1 = event).
// t=1: 5 at risk, 1 event → S = 4/5 = 0.8; t=2: 4 at risk, 1 event, 1 censored → S = 0.8·3/4 = 0.6;
// t=3: 2 at risk, 1 event → S = 0.3; t=5: 1 at risk, censored → S stays 0.3.
// Survival values compared within 1e-12 (absolute; floating-point products of exact fractions).
const curve = kaplanMeier({ time: [1, 2, 2, 3, 5], status: [1, 0, 1, 1, 0] });

describe('computeKaplanMeierSteps', () => {
  it('starts at (0, 1), drops at each event time and ends at the last observed time', () => {
    const steps = computeKaplanMeierSteps(curve);
    expect(steps.map((p) => p.x)).toEqual([0, 1, 2, 3, 5]);
    const expected = [1, 0.8, 0.6, 0.3, 0.3];
    steps.forEach((p, i) => expect(p.y).toBeCloseTo(expected[i]!, 12));
  });

  it('does not add a closing vertex when the last time is an event', () => {
    const c = kaplanMeier({ time: [2, 4], status: [0, 1] });
    expect(computeKaplanMeierSteps(c)).toEqual([{ x: 0, y: 1 }, { x: 4, y: 0 }]);
  });

  it('draws an event at the origin as a vertical drop at the origin', () => {
    const c = kaplanMeier({ time: [0, 3], status: [1, 0] });
    expect(computeKaplanMeierSteps(c)).toEqual([{ x: 0, y: 1 }, { x: 0, y: 0.5 }, { x: 3, y: 0.5 }]);
  });

  it('uses the given origin', () => {
    const c = kaplanMeier({ time: [5], status: [0] });
    expect(computeKaplanMeierSteps(c, -1)).toEqual([{ x: -1, y: 1 }, { x: 5, y: 1 }]);
  });

  it('is empty for a group without subjects', () => {
    expect(computeKaplanMeierSteps(kaplanMeier({ time: [], status: [] }))).toEqual([]);
  });
});

describe('computeCensorMarks', () => {
  it('marks each censoring time at the curve value after that time (a tied event included)', () => {
    const marks = computeCensorMarks(curve);
    expect(marks.map((p) => p.x)).toEqual([2, 5]);
    expect(marks[0]!.y).toBeCloseTo(0.6, 12);
    expect(marks[1]!.y).toBeCloseTo(0.3, 12);
  });

  it('marks a subject censored at Day 0 at S = 1', () => {
    expect(computeCensorMarks(kaplanMeier({ time: [0, 7], status: [0, 1] }))).toEqual([{ x: 0, y: 1 }]);
  });
});

describe('computeNumberAtRisk', () => {
  // n.risk of R summary(survfit(...), times = τ): subjects with time ≥ τ.
  it.each([
    [0, 5],
    [1, 5],
    [1.5, 4],
    [2, 4],
    [4, 1],
    [5, 1],
    [6, 0],
  ])('at τ = %s is %s', (tau, n) => {
    expect(computeNumberAtRisk(curve, tau)).toBe(n);
  });

  it('is 0 for a group without subjects', () => {
    expect(computeNumberAtRisk(kaplanMeier({ time: [], status: [] }), 0)).toBe(0);
  });
});

describe('kaplanMeierStepSeries', () => {
  it('bundles label, steps, censor marks and the at-risk counts in the order of the times', () => {
    const s = kaplanMeierStepSeries(curve, 'Group A', [6, 0, 2]);
    expect(s.label).toBe('Group A');
    expect(s.atRisk).toEqual([0, 5, 4]);
    expect(s.steps).toHaveLength(5);
    expect(s.censors).toHaveLength(2);
  });
});

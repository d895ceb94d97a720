import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeCensorMarks,
  computeKaplanMeierSteps,
  computeNumberAtRisk,
  survivalCurve,
  type SurvivalCurve,
} from '../../src/analyze/km-curves.js';
import { packageRoot } from '../../src/core/package-root.js';
import { kaplanMeier } from '../../src/numerics/survival/kaplan-meier.js';
import { sampleAnalysis } from '../helpers/sample-run.js';

// Hand-worked: times 1, 2, 2, 3, 5 with status 1, 0, 1, 1, 0 (1 = event).
// t=1: 5 at risk, 1 event → S = 4/5 = 0.8; t=2: 4 at risk, 1 event, 1 censored → S = 0.8·3/4 = 0.6;
// t=3: 2 at risk, 1 event → S = 0.3; t=5: 1 at risk, censored → S stays 0.3.
// Survival values compared within 1e-12 (absolute; floating-point products of exact fractions).
const curve = kaplanMeier({ time: [1, 2, 2, 3, 5], status: [1, 0, 1, 1, 0] });

describe('computeKaplanMeierSteps', () => {
  it('starts at (0, 1), drops at each event time and ends at the last observed time', () => {
    const steps = computeKaplanMeierSteps(curve);
    expect(steps.map((p) => p.time)).toEqual([0, 1, 2, 3, 5]);
    const expected = [1, 0.8, 0.6, 0.3, 0.3];
    steps.forEach((p, i) => expect(p.survival).toBeCloseTo(expected[i]!, 12));
  });

  it('does not add a closing vertex when the last time is an event', () => {
    const c = kaplanMeier({ time: [2, 4], status: [0, 1] });
    expect(computeKaplanMeierSteps(c)).toEqual([
      { time: 0, survival: 1 },
      { time: 4, survival: 0 },
    ]);
  });

  it('draws an event at the origin as a vertical drop at the origin', () => {
    const c = kaplanMeier({ time: [0, 3], status: [1, 0] });
    expect(computeKaplanMeierSteps(c)).toEqual([
      { time: 0, survival: 1 },
      { time: 0, survival: 0.5 },
      { time: 3, survival: 0.5 },
    ]);
  });

  it('uses the given origin', () => {
    const c = kaplanMeier({ time: [5], status: [0] });
    expect(computeKaplanMeierSteps(c, -1)).toEqual([
      { time: -1, survival: 1 },
      { time: 5, survival: 1 },
    ]);
  });

  it('is empty for a group without subjects', () => {
    expect(computeKaplanMeierSteps(kaplanMeier({ time: [], status: [] }))).toEqual([]);
  });
});

describe('computeCensorMarks', () => {
  it('marks each censoring time at the curve value after that time (a tied event included)', () => {
    const marks = computeCensorMarks(curve);
    expect(marks.map((p) => p.time)).toEqual([2, 5]);
    expect(marks[0]!.survival).toBeCloseTo(0.6, 12);
    expect(marks[1]!.survival).toBeCloseTo(0.3, 12);
  });

  it('marks a subject censored at Day 0 at S = 1', () => {
    expect(computeCensorMarks(kaplanMeier({ time: [0, 7], status: [0, 1] }))).toEqual([{ time: 0, survival: 1 }]);
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

describe('survivalCurve', () => {
  it('bundles the key, steps, censor marks and the at-risk counts in the order of the times', () => {
    const s = survivalCurve({ endpoint: 'TTFLARE', population: 'FAS' }, 'PBO', curve, [6, 0, 2]);
    expect(s).toMatchObject({ endpoint: 'TTFLARE', population: 'FAS', group: 'PBO' });
    expect(s.atRisk).toEqual([
      { time: 6, n: 0 },
      { time: 0, n: 5 },
      { time: 2, n: 4 },
    ]);
    expect(s.steps).toEqual(computeKaplanMeierSteps(curve));
    expect(s.censors).toEqual(computeCensorMarks(curve));
  });
});

type Reference = Record<
  string,
  Record<
    string,
    {
      atRisk: number[];
      eventTimes: number[];
      eventSurvival: number[];
      censorTimes: number[];
      censorSurvival: number[];
      lastTime: number[];
    }
  >
>;

describe('the curves analyzeAll gives on the bundled sample', () => {
  it('are the curves, censor marks and numbers at risk that R survfit gives (fixture test/fixtures/figures/make-km-figure.R)', async () => {
    // Source: test/fixtures/figures/km-figure.json from R survival::survfit on the sample's adam CSVs
    // (FAS, arm from ADSL). Counts and times exact; S(t) within 1e-12 absolute (R prints 15 significant digits).
    const reference = JSON.parse(
      readFileSync(join(packageRoot(), 'test', 'fixtures', 'figures', 'km-figure.json'), 'utf8'),
    ) as Reference;
    const check = (curves: readonly SurvivalCurve[], endpoint: string, group: string) => {
      const r = reference[endpoint]![group]!;
      const found = curves.filter((c) => c.endpoint === endpoint && c.group === group);
      expect(found, `${endpoint} ${group}`).toHaveLength(1);
      const c = found[0]!;
      expect(c.population).toBe('FAS');
      expect(c.atRisk.map((a) => a.time)).toEqual([0, 84, 168, 252, 364]);
      expect(
        c.atRisk.map((a) => a.n),
        `${endpoint} ${group} at risk`,
      ).toEqual(r.atRisk);
      const events = c.steps.slice(1).filter((p, k, all) => k < all.length - 1 || r.eventTimes.includes(p.time));
      expect(events.map((p) => p.time)).toEqual(r.eventTimes);
      events.forEach((p, k) => expect(Math.abs(p.survival - r.eventSurvival[k]!)).toBeLessThan(1e-12));
      expect(c.steps[c.steps.length - 1]!.time).toBe(r.lastTime[0]);
      expect(c.censors.map((p) => p.time)).toEqual(r.censorTimes);
      c.censors.forEach((p, k) => expect(Math.abs(p.survival - r.censorSurvival[k]!)).toBeLessThan(1e-12));
    };
    for (const kind of ['unblinded', 'blinded'] as const) {
      const { curves } = await sampleAnalysis(kind);
      const groups = kind === 'unblinded' ? ['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL'] : ['TOTAL'];
      for (const endpoint of ['TTFLARE', 'TTCSDISC']) for (const group of groups) check(curves, endpoint, group);
      // Nothing else: a blinded run has no curve of an arm.
      expect(curves).toHaveLength(2 * groups.length);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeTimeToEvent,
  armHazardRatios,
  logRankP,
  timeToEventGroupRows,
  type TimeToEventSubject,
} from '../../src/analyze/time-to-event.js';
import { survivalCurve, type SurvivalCurve } from '../../src/analyze/km-curves.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { ArmCode } from '../../src/lock/types.js';
import { kaplanMeier } from '../../src/numerics/survival/kaplan-meier.js';

// R reference: test/fixtures/flares/make-degenerate.R (coxph(ties = "efron") on PBO + MSC5E6, survdiff),
// same data as below.
const ref = JSON.parse(readFileSync(new URL('../fixtures/flares/degenerate.json', import.meta.url), 'utf8')).tte;
const rel = (a: number | null | undefined, b: string) => Math.abs((a as number) - Number(b)) / Math.abs(Number(b));

const subject = (arm: ArmCode | null, time: number, event: number, i: number): TimeToEventSubject => ({
  USUBJID: `S${i}`,
  arm,
  time,
  event: event === 1,
});
const DATA: TimeToEventSubject[] = [
  ...[
    [10, 1],
    [20, 1],
    [30, 0],
    [40, 1],
    [50, 0],
    [60, 1],
  ].map(([t, e], i) => subject('PBO', t!, e!, i)),
  ...[
    [15, 0],
    [25, 0],
    [35, 0],
    [45, 0],
  ].map(([t, e], i) => subject('MSC1E6', t!, e!, 10 + i)),
  ...[
    [12, 1],
    [22, 0],
    [32, 1],
    [42, 1],
    [52, 0],
    [20, 1],
  ].map(([t, e], i) => subject('MSC5E6', t!, e!, 20 + i)),
];

const value = (rows: readonly ArdRow[], k: Partial<ArdRow>) => {
  const hit = rows.filter((r) => Object.entries(k).every(([f, v]) => r[f as keyof ArdRow] === v));
  if (hit.length !== 1) throw new Error(`${hit.length} rows for ${JSON.stringify(k)}`);
  return hit[0]!.value;
};

describe('armHazardRatios and logRankP (SAP §5.1)', () => {
  it('leaves the HR of an arm without events empty and fits the other on PBO + that arm (R coxph Efron, 1e-6 rel)', () => {
    const r = armHazardRatios(DATA, 0.95);
    expect(r.ratios.get('MSC1E6')).toBeNull();
    const hr = r.ratios.get('MSC5E6')!;
    expect(rel(hr.ratio, ref.hr)).toBeLessThan(1e-6);
    expect(rel(hr.lower, ref.hr_lcl)).toBeLessThan(1e-6);
    expect(rel(hr.upper, ref.hr_ucl)).toBeLessThan(1e-6);
  });

  it('leaves both HRs empty when placebo has no event', () => {
    const noPbo = DATA.map((s) => (s.arm === 'PBO' ? { ...s, event: false } : s));
    const r = armHazardRatios(noPbo, 0.95);
    expect([r.ratios.get('MSC1E6'), r.ratios.get('MSC5E6')]).toEqual([null, null]);
  });

  it('computes the log-rank p from the two arms compared, also when one of them has no event (R survdiff, 1e-9 rel)', () => {
    expect(rel(logRankP(DATA, 'MSC1E6'), ref.logrank_msc1)).toBeLessThan(1e-9);
    expect(rel(logRankP(DATA, 'MSC5E6'), ref.logrank_msc5)).toBeLessThan(1e-9);
  });

  it('gives no log-rank p when neither arm has an event, or an arm has no subject', () => {
    const quiet = DATA.map((s) => (s.arm === 'PBO' ? { ...s, event: false } : s));
    expect(logRankP(quiet, 'MSC1E6')).toBeNull();
    expect(
      logRankP(
        DATA.filter((s) => s.arm !== 'MSC1E6'),
        'MSC1E6',
      ),
    ).toBeNull();
  });
});

describe('timeToEventGroupRows', () => {
  const id = { endpoint: 'TTFLARE', param: '', visit: '', population: 'FAS' } as const;

  it('counts and reads the KM curve at the landmarks (hand-worked: S(20) = 1 × 5/6 × 4/5 = 2/3 for PBO)', () => {
    const rows = timeToEventGroupRows(
      id,
      'PBO',
      DATA.filter((s) => s.arm === 'PBO'),
      [20, 60, 61],
      0.95,
    );
    expect(value(rows, { stat: 'n' })).toBe(6);
    expect(value(rows, { stat: 'events' })).toBe(4);
    expect(value(rows, { stat: 'censored' })).toBe(2);
    expect(value(rows, { stat: 'km', param: '20', method: 'KM' })).toBeCloseTo(2 / 3, 14);
    // Last time 60 is an event with 1 at risk: S = 0, CI empty; past it, 0 is carried with an empty CI.
    expect(value(rows, { stat: 'km', param: '60' })).toBe(0);
    expect(value(rows, { stat: 'km_lcl', param: '60' })).toBeNull();
    expect(value(rows, { stat: 'km', param: '61' })).toBe(0);
    // S(40) = 2/3 × (1 − 1/3) = 4/9 (30 censored, 3 at risk at 40): the first value ≤ 0.5, so the median is 40.
    expect(value(rows, { stat: 'median_time', method: 'KM' })).toBe(40);
  });

  it('writes an empty estimate past the last time when S has not reached 0, and no median for an empty group', () => {
    const rows = timeToEventGroupRows(
      id,
      'MSC1E6',
      DATA.filter((s) => s.arm === 'MSC1E6'),
      [50],
      0.95,
    );
    expect(value(rows, { stat: 'km', param: '50' })).toBeNull();
    const empty = timeToEventGroupRows(id, 'MSC1E6', [], [50], 0.95);
    expect(value(empty, { stat: 'n' })).toBe(0);
    expect(value(empty, { stat: 'median_time' })).toBeNull();
  });
});

describe('analyzeTimeToEvent', () => {
  const spec = {
    endpoint: 'TTFLARE',
    population: 'FAS',
    landmarkDays: [20],
    riskTimes: [0, 30],
    confidenceLevel: 0.95,
  } as const;

  it('writes per-arm and TOTAL rows and HR/log-rank rows per compared arm when unblinded', () => {
    const rows = analyzeTimeToEvent(DATA, { ...spec, blinded: false });
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL']));
    expect(value(rows, { group: 'TOTAL', stat: 'n' })).toBe(16);
    expect(value(rows, { group: 'MSC1E6', comparator: 'PBO', stat: 'hr', method: 'COX-EFRON' })).toBeNull();
    expect(
      rel(value(rows, { group: 'MSC5E6', comparator: 'PBO', stat: 'hr', method: 'COX-EFRON' }), ref.hr),
    ).toBeLessThan(1e-6);
    expect(rows.filter((r) => r.comparator === 'PBO' && r.group === 'PBO')).toHaveLength(0);
  });

  it('writes TOTAL rows only, no model, no comparison, when blinded', () => {
    const blind = DATA.map((s) => ({ ...s, arm: null }));
    const rows = analyzeTimeToEvent(blind, { ...spec, blinded: true });
    expect(rows.every((r) => r.group === 'TOTAL' && r.comparator === '')).toBe(true);
    expect(() => analyzeTimeToEvent(DATA, { ...spec, blinded: true })).toThrow(/blinded/);
  });

  it('hands each group its curve, from the fit of its rows, with the number at risk at the risk times', () => {
    const curves: SurvivalCurve[] = [];
    analyzeTimeToEvent(DATA, { ...spec, blinded: false }, undefined, (c) => curves.push(c));
    expect(curves.map((c) => c.group)).toEqual(['PBO', 'MSC1E6', 'MSC5E6', 'TOTAL']);
    const pbo = DATA.filter((s) => s.arm === 'PBO');
    const fit = kaplanMeier({ time: pbo.map((s) => s.time), status: pbo.map((s) => (s.event ? 1 : 0)) });
    expect(curves[0]).toEqual(survivalCurve({ endpoint: 'TTFLARE', population: 'FAS' }, 'PBO', fit, [0, 30]));
    // Hand count: PBO times 10, 20, 30, 40, 50, 60 → 6 at risk at day 0, 4 at day 30; TOTAL 16 and 9 (times ≥ 30).
    expect(curves[0]!.atRisk).toEqual([
      { time: 0, n: 6 },
      { time: 30, n: 4 },
    ]);
    expect(curves[3]!.atRisk).toEqual([
      { time: 0, n: 16 },
      { time: 30, n: 9 },
    ]);
    // The curve's value at the landmark is the ARD's KM estimate there (one fit): PBO S(20) = 5/6 · 4/5.
    const km20 = value(analyzeTimeToEvent(DATA, { ...spec, blinded: false }), {
      group: 'PBO',
      param: '20',
      stat: 'km',
    });
    expect(curves[0]!.steps.find((p) => p.time === 20)!.survival).toBe(km20);
  });

  it('hands a blinded run the TOTAL curve only', () => {
    const curves: SurvivalCurve[] = [];
    analyzeTimeToEvent(
      DATA.map((s) => ({ ...s, arm: null })),
      { ...spec, blinded: true },
      undefined,
      (c) => curves.push(c),
    );
    expect(curves.map((c) => c.group)).toEqual(['TOTAL']);
    expect(curves[0]!.atRisk[0]).toEqual({ time: 0, n: 16 });
  });
});

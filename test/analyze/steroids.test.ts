import { describe, expect, it } from 'vitest';
import { analyzeSteroids, followUpVisitId, wilcoxonP } from '../../src/analyze/steroids.js';
import type { ArdRow } from '../../src/ard/types.js';
import { sampleRun } from '../helpers/sample-run.js';
import { compareWithReference, readReference } from './ard-reference.js';

// R reference: test/fixtures/steroid-sdi-biomarkers/make-steroid-sdi-biomarkers.R on the ADaM CSVs of
// the bundled sample (ratesci::scoreci, fisher.test, wilcox.test(exact = FALSE, correct = TRUE) on
// round(x, 9), survfit/quantile/summary, survdiff, coxph(ties = "efron")); tolerances in ard-reference.ts.
const reference = readReference(
  new URL('../fixtures/steroid-sdi-biomarkers/steroid-sdi-biomarkers-sample.json', import.meta.url),
);
const ENDPOINTS = ['CSDISC', 'TTCSDISC', 'CSCUM'];

describe('steroid endpoints of the sample lock against R', async () => {
  const { result, settings } = await sampleRun('unblinded');

  it('labels the Week 52 window from the settings', () => {
    expect(followUpVisitId(settings)).toBe('WEEK52');
  });

  it('reproduces every CSDISC, TTCSDISC and CSCUM row, and writes no row R does not have', () => {
    expect(reference.filter((r) => ENDPOINTS.includes(r[0])).length).toBeGreaterThan(100);
    expect(compareWithReference(result.ard, reference, ENDPOINTS)).toEqual([]);
  });

  it('writes TOTAL rows only, no comparison and no model, when blinded', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => ENDPOINTS.includes(r.endpoint));
    expect(blinded.length).toBeGreaterThan(0);
    expect(blinded.every((r) => r.group === 'TOTAL' && r.comparator === '')).toBe(true);
    expect(blinded.some((r) => ['COX-EFRON', 'LOGRANK', 'WILCOXON', 'MN', 'FISHER'].includes(r.method))).toBe(false);
  });
});

describe('wilcoxonP', () => {
  it('ties doses equal after rounding to 9 decimals (R 4.2.2 wilcox.test(exact = FALSE), 1e-12 relative)', () => {
    // wilcox.test(c(1, 2, 3), c(3, 4, 5), exact = FALSE)$p.value: 3 + 1e-12 rounds to 3 and ties.
    const tied = wilcoxonP([1, 2, 3 + 1e-12], [3, 4, 5], 9)!;
    expect(Math.abs(tied - 0.12118327283746319) / 0.12118327283746319).toBeLessThan(1e-12);
    // wilcox.test(c(1, 2, 3 + 1e-12), c(3, 4, 5), exact = FALSE)$p.value: kept apart at 12 decimals.
    const apart = wilcoxonP([1, 2, 3 + 1e-12], [3, 4, 5], 12)!;
    expect(Math.abs(apart - 0.19043026382552408) / 0.19043026382552408).toBeLessThan(1e-12);
  });

  it('is not estimable when every value is tied', () => {
    expect(wilcoxonP([0, 0], [0, 0, 0], 9)).toBeNull();
  });
});

describe('analyzeSteroids on a hand-made FAS', () => {
  const settings = {
    visits: [{ visitnum: 10, visit: 'WEEK 52', id: 'WEEK52', day: 364 }],
    analysis: { ciLevel: 0.95, followUpEndDay: 364, kmDays: [84] },
    display: { kmAtRiskDays: [0] },
    steroids: { doseRoundingDecimals: 9 },
  } as never;
  const subject = (USUBJID: string, ARMCD: string) => ({ USUBJID, ARMCD, FASFL: 'Y' }) as never;
  const record = (USUBJID: string, on: boolean, disc: boolean, CSCUM: number) =>
    ({
      USUBJID,
      CSUSE0FL: on ? 'Y' : 'N',
      CSDISCFL: on ? (disc ? 'Y' : 'N') : null,
      TTDISCDY: on ? (disc ? 100 : 364) : null,
      TTDISCCN: on ? (disc ? 0 : 1) : null,
      CSCUM,
    }) as never;
  const adsl = [subject('A1', 'PBO'), subject('A2', 'PBO'), subject('B1', 'MSC1E6'), subject('C1', 'MSC5E6')];
  const sparing = [
    record('A1', true, true, 500),
    record('A2', false, false, 0),
    record('B1', true, false, 3640),
    record('C1', false, false, 0),
  ];
  const rows = analyzeSteroids(adsl, sparing, settings, false);
  const value = (r: Partial<ArdRow>) =>
    rows.filter((x) => (Object.keys(r) as (keyof ArdRow)[]).every((k) => x[k] === r[k])).map((x) => x.value);

  it('counts only subjects on steroids at Day 0 in N, but every FAS subject in the cumulative dose', () => {
    expect(value({ endpoint: 'CSDISC', group: 'PBO', stat: 'N' })).toEqual([1]);
    expect(value({ endpoint: 'CSDISC', group: 'PBO', stat: 'n' })).toEqual([1]);
    expect(value({ endpoint: 'CSDISC', group: 'MSC5E6', stat: 'N' })).toEqual([0]);
    expect(value({ endpoint: 'CSCUM', group: 'PBO', stat: 'n' })).toEqual([2]);
    expect(value({ endpoint: 'CSCUM', group: 'TOTAL', stat: 'max' })).toEqual([3640]);
  });

  it('makes MN and Fisher not estimable against an arm with N = 0 (SAP §5.1)', () => {
    expect(value({ endpoint: 'CSDISC', group: 'MSC5E6', comparator: 'PBO', stat: 'diff' })).toEqual([null]);
    expect(value({ endpoint: 'CSDISC', group: 'MSC5E6', comparator: 'PBO', stat: 'p' })).toEqual([null]);
    expect(value({ endpoint: 'CSDISC', group: 'MSC1E6', comparator: 'PBO', stat: 'p' })).toEqual([1]);
  });

  it('makes the HR and log-rank p not estimable for an arm without subjects at risk', () => {
    expect(value({ endpoint: 'TTCSDISC', group: 'MSC5E6', comparator: 'PBO', stat: 'hr' })).toEqual([null]);
    expect(value({ endpoint: 'TTCSDISC', group: 'MSC5E6', comparator: 'PBO', stat: 'p' })).toEqual([null]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  baselineVisitId,
  byVisitDescriptiveRows,
  nullIfNaN,
  numberOrNaN,
  visitValueColumns,
  visitValueRows,
  postBaselineVisitIds,
  type VisitValueRecord,
} from '../../src/analyze/by-visit-descriptives.js';
import type { AnalysisGroup } from '../../src/analyze/groups.js';
import type { ArdRow } from '../../src/ard/types.js';
import { settings } from '../derive/helpers.js';

// Hand-worked: three FAS subjects; values chosen so every statistic is checked by eye.
const subject = (USUBJID: string) => ({ USUBJID }) as never;
const groups: AnalysisGroup[] = [
  { group: 'PBO', subjects: [subject('A'), subject('B')] },
  { group: 'TOTAL', subjects: [subject('A'), subject('B'), subject('C')] },
];
const rec = (
  USUBJID: string,
  AVISIT: string | null,
  AVAL: number | null,
  BASE: number | null,
  CHG: number | null,
): VisitValueRecord => ({ USUBJID, AVISIT, AVAL, BASE, CHG });
const records: VisitValueRecord[] = [
  // A: baseline taken from screening (Day 0 missing): BASE 10 on every record
  rec('A', 'SCREENING', 10, 10, null),
  rec('A', 'BASELINE', null, 10, null),
  rec('A', 'WEEK4', 6, 10, -4),
  // B: baseline 12 at Day 0; an unscheduled value is never summarised
  rec('B', 'BASELINE', 12, 12, null),
  rec('B', 'WEEK4', 11, 12, -1),
  rec('B', null, 2, 12, null),
  // C: no baseline; a value at Week 4 without change
  rec('C', 'WEEK4', 8, null, null),
];
const rows = byVisitDescriptiveRows(groups, records, {
  endpoint: 'PGA',
  population: 'FAS',
  avalParam: 'P:AVAL',
  chgParam: 'P:CHG',
  baselineVisit: 'BASELINE',
  postBaselineVisits: ['WEEK4', 'WEEK8'],
});
const stat = (group: string, param: string, visit: string, s: string) =>
  rows.find((r: ArdRow) => r.group === group && r.param === param && r.visit === visit && r.stat === s)?.value;

describe('byVisitDescriptiveRows', () => {
  it("summarises each subject's BASE at the baseline visit, whichever visit it came from", () => {
    expect([stat('PBO', 'P:AVAL', 'BASELINE', 'n'), stat('PBO', 'P:AVAL', 'BASELINE', 'mean')]).toEqual([2, 11]);
    expect(stat('TOTAL', 'P:AVAL', 'BASELINE', 'n')).toBe(2); // C has no baseline
  });

  it('summarises observed values and changes at each post-baseline visit', () => {
    expect([
      stat('TOTAL', 'P:AVAL', 'WEEK4', 'n'),
      stat('TOTAL', 'P:AVAL', 'WEEK4', 'median'),
      stat('TOTAL', 'P:AVAL', 'WEEK4', 'max'),
    ]).toEqual([3, 8, 11]);
    expect([
      stat('TOTAL', 'P:CHG', 'WEEK4', 'n'),
      stat('TOTAL', 'P:CHG', 'WEEK4', 'mean'),
      stat('TOTAL', 'P:CHG', 'WEEK4', 'min'),
    ]).toEqual([2, -2.5, -4]);
  });

  it('writes every row with n = 0 and empty statistics at a visit without data', () => {
    expect(stat('PBO', 'P:CHG', 'WEEK8', 'n')).toBe(0);
    expect(stat('PBO', 'P:CHG', 'WEEK8', 'mean')).toBeNull();
    // 2 groups × (BASELINE AVAL + 2 visits × AVAL, CHG) × 8 statistics, no CHG at baseline
    expect(rows).toHaveLength(2 * 5 * 8);
    expect(rows.some((r) => r.param === 'P:CHG' && r.visit === 'BASELINE')).toBe(false);
    expect(
      rows.every((r) => r.method === '' && r.comparator === '' && r.endpoint === 'PGA' && r.population === 'FAS'),
    ).toBe(true);
  });

  it('gives with the same groups array, reused for another parameter, what fresh groups give', () => {
    const spec = {
      endpoint: 'PGA',
      population: 'FAS',
      avalParam: 'Q:AVAL',
      chgParam: 'Q:CHG',
      baselineVisit: 'BASELINE',
      postBaselineVisits: ['WEEK4'],
    } as const;
    // A subject outside the groups (D) and one without records (C) in the second parameter.
    const other = [rec('D', 'WEEK4', 1, 1, 0), rec('B', 'BASELINE', 3, 3, null), rec('B', 'WEEK4', 5, 3, 2)];
    const fresh = groups.map((g) => ({ ...g, subjects: [...g.subjects] }));
    expect(byVisitDescriptiveRows(groups, other, spec)).toEqual(byVisitDescriptiveRows(fresh, other, spec));
    expect(byVisitDescriptiveRows(groups, records, { ...spec, avalParam: 'P:AVAL', chgParam: 'P:CHG' })).toEqual(
      rows.filter((r) => r.visit !== 'WEEK8'),
    );
  });

  it('refuses two records of one subject at one visit, also of a subject outside the groups', () => {
    const outside = [rec('Z', 'WEEK4', 1, 1, 0), rec('Z', 'WEEK4', 2, 1, 1)];
    expect(() =>
      byVisitDescriptiveRows(groups, outside, {
        endpoint: 'PGA',
        population: 'FAS',
        avalParam: 'AVAL',
        chgParam: 'CHG',
        baselineVisit: 'BASELINE',
        postBaselineVisits: ['WEEK4'],
      }),
    ).toThrow(/Z: two records/);
  });

  it('refuses two records of one subject at one visit (a derivation bug)', () => {
    const twice = [rec('A', 'WEEK4', 1, 1, 0), rec('A', 'WEEK4', 2, 1, 1)];
    expect(() =>
      byVisitDescriptiveRows(groups, twice, {
        endpoint: 'PGA',
        population: 'FAS',
        avalParam: 'AVAL',
        chgParam: 'CHG',
        baselineVisit: 'BASELINE',
        postBaselineVisits: ['WEEK4'],
      }),
    ).toThrow(/two records/);
  });
});

describe('visit ids from the settings', () => {
  it('lists the scheduled post-baseline visits, optionally restricted to some VISITNUMs', () => {
    expect(baselineVisitId(settings())).toBe('BASELINE');
    expect(postBaselineVisitIds(settings())).toEqual([
      'WEEK4',
      'WEEK8',
      'WEEK12',
      'WEEK16',
      'WEEK20',
      'WEEK24',
      'WEEK36',
      'WEEK52',
    ]);
    expect(postBaselineVisitIds(settings(), settings().pro.visitnums)).toEqual(['WEEK12', 'WEEK24', 'WEEK52']);
  });
});

describe('values stored as numbers (NaN for null)', () => {
  it('stores null as NaN and reads NaN back as null; refuses a NaN value as summarize does', () => {
    expect([numberOrNaN(null), numberOrNaN(-0), numberOrNaN(2.5)]).toEqual([NaN, -0, 2.5]);
    expect([nullIfNaN(NaN), nullIfNaN(3)]).toEqual([null, 3]);
    expect(() => numberOrNaN(NaN)).toThrow(/non-finite value NaN/);
    expect(() => visitValueColumns([{ AVAL: 1, CHG: NaN }])).toThrow(/non-finite/);
  });

  it('summarises by record index (-1: no record) what the records summarise', () => {
    const recs = [rec('A', 'WEEK4', 6, 10, -4), rec('B', 'WEEK4', null, 12, null), rec('C', 'WEEK4', 8, 5, 3)];
    const columns = visitValueColumns(recs);
    const id = (param: 'AVAL' | 'CHG') => ({ endpoint: 'PGA', param, visit: 'WEEK4', population: 'FAS' }) as const;
    const order = [2, -1, 0, 1];
    const got = visitValueRows(id, 'TOTAL', order.length, (i) => order[i] as number, columns, true);
    const n = (param: string) => got.find((r) => r.param === param && r.stat === 'n')?.value;
    const mean = (param: string) => got.find((r) => r.param === param && r.stat === 'mean')?.value;
    expect([n('AVAL'), mean('AVAL'), n('CHG'), mean('CHG')]).toEqual([2, 7, 2, -0.5]);
    expect(got).toHaveLength(16);
  });
});

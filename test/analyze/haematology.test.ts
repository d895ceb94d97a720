import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeHaematology } from '../../src/analyze/haematology.js';
import type { ArdRow } from '../../src/ard/types.js';
import { computeRangeIndicator } from '../../src/derive/lab-range.js';
import { computeHaematologyTests, computeTestLabels } from '../../src/derive/lab-panels.js';
import type { LabRecord } from '../../src/derive/lab-results.js';
import { settings } from '../derive/helpers.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { sampleRun } from '../helpers/sample-run.js';
import { expectArdMatchesRJson, type RJsonArdRow } from '../helpers/r-fixtures.js';

const lab = (
  USUBJID: string,
  VISITNUM: number,
  AVISIT: string | null,
  AVAL: number | null,
  over: Partial<LabRecord> = {},
): LabRecord =>
  ({
    USUBJID,
    LBSEQ: 1,
    PARAMCD: 'WBC',
    VISITNUM,
    VISIT: '',
    AVISIT,
    ADT: '2025-01-05',
    ADY: 0,
    AVAL,
    AVALQUAL: null,
    AVALDEC: 1,
    LBSTRESC: null,
    ANRLO: 4,
    ANRHI: 11,
    ABLFL: null,
    BASE: null,
    BASEQUAL: null,
    CHG: null,
    src: null,
    ...over,
  }) as LabRecord;
const v = (rows: readonly ArdRow[], endpoint: string, param: string, visit: string, group: string, stat: string) =>
  rows.find(
    (r) => r.endpoint === endpoint && r.param === param && r.visit === visit && r.group === group && r.stat === stat,
  )?.value;

describe('haematology panel and range indicator', () => {
  it('takes the HEMATOLOGY tests in lock order, and labels with units', () => {
    const lb = [
      { LBCAT: 'IMMUNOLOGY', LBTESTCD: 'C3', LBTEST: 'Complement C3', LBSTRESU: 'g/L' },
      { LBCAT: 'HEMATOLOGY', LBTESTCD: 'PLAT', LBTEST: 'Platelets', LBSTRESU: null },
      { LBCAT: 'HEMATOLOGY', LBTESTCD: 'WBC', LBTEST: 'Leukocytes', LBSTRESU: '10^9/L' },
      { LBCAT: 'HEMATOLOGY', LBTESTCD: 'PLAT', LBTEST: 'Platelets', LBSTRESU: null },
    ];
    expect(computeHaematologyTests(lb)).toEqual(['PLAT', 'WBC']);
    expect(computeHaematologyTests(lb.slice(0, 1))).toEqual([]);
    expect(computeTestLabels(lb)).toEqual(
      new Map([
        ['C3', 'Complement C3 (g/L)'],
        ['PLAT', 'Platelets'],
        ['WBC', 'Leukocytes (10^9/L)'],
      ]),
    );
  });
  it('honours <x and >x and missing limits', () => {
    const r = (AVAL: number | null, AVALQUAL: '<' | '>' | null, ANRLO: number | null = 4) =>
      computeRangeIndicator({ AVAL, AVALQUAL, ANRLO, ANRHI: 11 });
    expect([r(3.9, null), r(4, null), r(4, '<'), r(11, '>'), r(11, null), r(null, null), r(1, null, null)]).toEqual([
      'LOW',
      'NORMAL',
      'LOW',
      'HIGH',
      'NORMAL',
      null,
      'NORMAL',
    ]);
  });
});

describe('analyzeHaematology on hand-worked records', () => {
  const adsl = [adslRecord('A'), adslRecord('B'), adslRecord('C', { ACTARMCD: 'MSC1E6' })];
  const labs = [
    lab('A', 1, 'SCREENING', 3.0, { ABLFL: 'Y' }),
    lab('A', 5, 'WEEK12', 5.0, { CHG: 2 }),
    lab('B', 2, 'BASELINE', 6.0, { ABLFL: 'Y' }),
    lab('B', 5.01, null, 12.0),
    lab('B', 5, 'WEEK12', 12.0, { CHG: 6 }),
    lab('C', 2, 'BASELINE', 20, { ABLFL: 'Y' }),
  ];
  const rows = analyzeHaematology(adsl, labs, ['WBC'], settings(), false);
  it('summarises the baseline value at BASELINE and scheduled visits only, by arm infused', () => {
    expect([
      v(rows, 'HAEM', 'WBC:AVAL', 'BASELINE', 'PBO', 'n'),
      v(rows, 'HAEM', 'WBC:AVAL', 'BASELINE', 'PBO', 'mean'),
    ]).toEqual([2, 4.5]);
    expect([
      v(rows, 'HAEM', 'WBC:CHG', 'WEEK12', 'PBO', 'n'),
      v(rows, 'HAEM', 'WBC:CHG', 'WEEK12', 'PBO', 'max'),
    ]).toEqual([2, 6]);
    expect(v(rows, 'HAEM', 'WBC:AVAL', 'WEEK4', 'TOTAL', 'n')).toBe(0);
    expect(rows.some((r) => r.param === 'WBC:CHG' && r.visit === 'BASELINE')).toBe(false);
  });
  it('shifts baseline → visit categories, MISSING without a result', () => {
    expect(v(rows, 'HAEMSHIFT', 'WBC:LOW:NORMAL', 'WEEK12', 'PBO', 'n')).toBe(1);
    expect(v(rows, 'HAEMSHIFT', 'WBC:NORMAL:HIGH', 'WEEK12', 'PBO', 'n')).toBe(1);
    expect(v(rows, 'HAEMSHIFT', 'WBC:HIGH:MISSING', 'WEEK12', 'MSC1E6', 'prop')).toBe(1);
    expect(v(rows, 'HAEMSHIFT', 'WBC:MISSING:MISSING', 'WEEK52', 'TOTAL', 'n')).toBe(0);
    expect(v(rows, 'HAEMSHIFT', 'WBC:LOW:MISSING', 'WEEK52', 'TOTAL', 'n')).toBe(1);
  });
  it('writes, when blinded, the TOTAL rows alone; no test, no row', () => {
    expect(analyzeHaematology(adsl.map(blind), labs, ['WBC'], settings(), true)).toEqual(
      rows.filter((r) => r.group === 'TOTAL'),
    );
    expect(analyzeHaematology(adsl, labs, [], settings(), false)).toEqual([]);
  });
});

// R reference: test/fixtures/haematology/make-haematology.R (base R on the run's adam/adsl.csv and
// adam/adlb.csv). Counts exact, other statistics within 1e-12 relative (absolute below 1).
describe('HAEM and HAEMSHIFT rows of the sample lock against R', async () => {
  const ref = JSON.parse(
    readFileSync(new URL('../fixtures/haematology/haematology-sample.json', import.meta.url), 'utf8'),
  ) as RJsonArdRow[];
  const { result } = await sampleRun('unblinded');
  it('has exactly the rows and values of the R reference', () => {
    expectArdMatchesRJson(
      result.ard.filter((r) => r.endpoint === 'HAEM' || r.endpoint === 'HAEMSHIFT'),
      ref,
      1e-12,
    );
    expect(ref.filter((r) => r.stat === 'n' && r.endpoint === 'HAEM' && r.value! > 0).length).toBeGreaterThan(100);
  });
  it('writes, when blinded, the unblinded TOTAL rows and nothing else', async () => {
    const pick = (a: readonly ArdRow[]) => a.filter((r) => r.endpoint === 'HAEM' || r.endpoint === 'HAEMSHIFT');
    expect(pick((await sampleRun('blinded')).result.ard)).toEqual(pick(result.ard).filter((r) => r.group === 'TOTAL'));
    expect(result.files.has('tables/T-14.3.6.txt') && result.files.has('tables/T-14.3.7.txt')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeBaselineCharacteristics } from '../../src/analyze/baseline-characteristics.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { BilagBaselineRecord } from '../../src/derive/bilag.js';
import { settings } from '../derive/helpers.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { readReference, referenceDifferences } from '../helpers/ard-reference.js';
import { sampleRun } from '../helpers/sample-run.js';

/**
 * Hand-worked FAS: P1, P2 (PBO), M1 (MSC1E6, randomized MSC1E6 though infused MSC5E6: FAS goes by
 * randomized arm); X1 not infused (not FAS). No MSC5E6 subject in the FAS.
 */
const adsl = [
  adslRecord('P1', { AGE: 30, SEX: 'F', STRATUM: '<10', CSDOSE0: 10, CSUSE0FL: 'Y', BASEPGA: 1.25 }),
  adslRecord('P2', { AGE: 50, SEX: 'M', RACE: 'ASIAN', STRATUM: null, CSDOSE0: 0, CSUSE0FL: 'N', BASEPGA: null }),
  adslRecord('M1', { AGE: 41, ARMCD: 'MSC1E6', ACTARMCD: 'MSC5E6', STRATUM: '<10', CSDOSE0: 7.5, CSUSE0FL: 'Y' }),
  adslRecord('X1', {
    AGE: 70,
    SEX: 'M',
    RACE: 'OTHER',
    ARMCD: 'MSC5E6',
    INFFL: 'N',
    FASFL: 'N',
    SAFFL: 'N',
    ACTARMCD: null,
  }),
];
const bilag: BilagBaselineRecord[] = [
  { USUBJID: 'P1', PARAMCD: 'BLGMUCO', BASEC: 'B', BLABFL: 'Y' },
  { USUBJID: 'P1', PARAMCD: 'BLGRENL', BASEC: 'C', BLABFL: 'N' },
  { USUBJID: 'P2', PARAMCD: 'BLGMUCO', BASEC: 'A', BLABFL: 'Y' },
  { USUBJID: 'X1', PARAMCD: 'BLGRENL', BASEC: 'A', BLABFL: 'Y' },
];

const value = (rows: readonly ArdRow[], param: string, group: string, stat: string) => {
  const hit = rows.filter((r) => r.param === param && r.group === group && r.stat === stat);
  if (hit.length !== 1) throw new Error(`${hit.length} rows for ${param} ${group} ${stat}`);
  return hit[0]!.value;
};

describe('analyzeBaselineCharacteristics on a hand-worked FAS', () => {
  const rows = analyzeBaselineCharacteristics(adsl, bilag, settings(), false);

  it('summarizes continuous characteristics of FAS subjects by randomized arm', () => {
    expect(value(rows, 'AGE', 'PBO', 'n')).toBe(2);
    expect(value(rows, 'AGE', 'PBO', 'mean')).toBe(40);
    expect(value(rows, 'AGE', 'MSC1E6', 'mean')).toBe(41);
    expect(value(rows, 'AGE', 'MSC1E6', 'sd')).toBeNull(); // n = 1
    expect(value(rows, 'AGE', 'TOTAL', 'max')).toBe(50); // X1 (70) is not in the FAS
    expect(value(rows, 'AGE', 'MSC5E6', 'n')).toBe(0);
    expect(value(rows, 'AGE', 'MSC5E6', 'mean')).toBeNull();
    expect(value(rows, 'PGA', 'PBO', 'n')).toBe(1); // a missing baseline is not counted
  });

  it('summarizes the Day 0 steroid dose of the subjects on steroids only, and counts them', () => {
    expect(value(rows, 'CSDOSE0', 'TOTAL', 'n')).toBe(2);
    expect(value(rows, 'CSDOSE0', 'TOTAL', 'min')).toBe(7.5);
    expect(value(rows, 'CSDOSE0', 'PBO', 'mean')).toBe(10);
    expect([
      value(rows, 'CSUSE', 'PBO', 'N'),
      value(rows, 'CSUSE', 'PBO', 'n'),
      value(rows, 'CSUSE', 'PBO', 'prop'),
    ]).toEqual([2, 1, 0.5]);
  });

  it('writes observed sex, race and ethnicity categories in every group, 0 where none', () => {
    const params = [...new Set(rows.map((r) => r.param).filter((p) => /^(SEX|RACE|ETHNIC):/.test(p)))].sort();
    expect(params).toEqual(['ETHNIC:NOT HISPANIC OR LATINO', 'RACE:ASIAN', 'RACE:WHITE', 'SEX:F', 'SEX:M']);
    expect(value(rows, 'SEX:M', 'MSC1E6', 'n')).toBe(0);
    expect(value(rows, 'SEX:M', 'PBO', 'prop')).toBe(0.5);
  });

  it('always writes both strata and all nine BILAG domains, a missing stratum counted in neither', () => {
    expect(value(rows, 'STRATUM:<10', 'PBO', 'n')).toBe(1);
    expect(value(rows, 'STRATUM:>=10', 'PBO', 'n')).toBe(0);
    expect(value(rows, 'STRATUM:>=10', 'TOTAL', 'N')).toBe(3);
    const domains = [...new Set(rows.map((r) => r.param).filter((p) => p.startsWith('BILAGAB:')))];
    expect(domains).toEqual(settings().bilag.domains.map((d) => `BILAGAB:${d.code}`));
    expect(value(rows, 'BILAGAB:BLGMUCO', 'PBO', 'n')).toBe(2);
    expect(value(rows, 'BILAGAB:BLGRENL', 'TOTAL', 'n')).toBe(0); // grade C; X1's A is outside the FAS
    expect(value(rows, 'BILAGAB:BLGHAEM', 'TOTAL', 'n')).toBe(0);
  });

  it('writes, when blinded, the TOTAL rows alone', () => {
    expect(analyzeBaselineCharacteristics(adsl.map(blind), bilag, settings(), true)).toEqual(
      rows.filter((r) => r.group === 'TOTAL'),
    );
  });
});

// R reference: test/fixtures/safety/make-safety.R (base R: demographics, the SAP §4.2 baseline rule,
// SLEDAI-2K and SDI totals and BILAG grades from the sample lock's dm/qs CSVs; Day 0 steroid dose
// from the run's adsl.csv; quantile(type = 2)). Counts exact; means, SDs, quantiles and proportions
// within 1e-12 relative (R prints 15 significant digits).
describe('BASECHAR rows of the sample lock against R', async () => {
  const ref = readReference(new URL('../fixtures/safety/safety-sample.json', import.meta.url));
  const { result } = await sampleRun('unblinded');

  it('has exactly the rows and values of the R reference', () => {
    expect(ref.filter((r) => r.endpoint === 'BASECHAR').length).toBe(4 * (6 * 8 + 3 * (2 + 8 + 3 + 2 + 9 + 1)));
    expect(referenceDifferences(result.ard, ref, 'BASECHAR', 1e-12)).toEqual([]);
  });

  it('writes, when blinded, the unblinded TOTAL rows and nothing else', async () => {
    const blinded = (await sampleRun('blinded')).result.ard.filter((r) => r.endpoint === 'BASECHAR');
    expect(blinded).toEqual(result.ard.filter((r) => r.endpoint === 'BASECHAR' && r.group === 'TOTAL'));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBilagGradesByVisit, analyzePgaByVisit } from '../../src/analyze/pga-bilag-visits.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { BilagGradeRecord } from '../../src/derive/bilag.js';
import type { PgaRecord } from '../../src/derive/pga.js';
import { SourceLines } from '../../src/derive/source-lines.js';
import { settings } from '../derive/helpers.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { sampleRun } from '../helpers/sample-run.js';
import { expectArdMatchesRJson, type RJsonArdRow } from '../helpers/r-fixtures.js';

const timing = (USUBJID: string, VISITNUM: number, AVISIT: string | null, ABLFL: 'Y' | null = null) => ({
  USUBJID,
  VISITNUM,
  VISIT: '',
  AVISIT,
  ADT: '2025-01-05',
  ADY: 0,
  ABLFL,
});
const pga = (
  USUBJID: string,
  VISITNUM: number,
  AVISIT: string | null,
  AVAL: number | null,
  CHG: number | null,
  ABLFL: 'Y' | null = null,
): PgaRecord =>
  ({
    ...timing(USUBJID, VISITNUM, AVISIT, ABLFL),
    AVAL,
    AVALH: null,
    BASE: null,
    BASEH: null,
    CHGH: null,
    CHG,
    src: SourceLines.of([]),
  }) as PgaRecord;
const grade = (
  USUBJID: string,
  PARAMCD: string,
  VISITNUM: number,
  AVISIT: string | null,
  AVALC: string | null,
  ABLFL: 'Y' | null = null,
): BilagGradeRecord =>
  ({ ...timing(USUBJID, VISITNUM, AVISIT, ABLFL), PARAMCD, AVALC, BASEC: null, src: null }) as BilagGradeRecord;
const v = (rows: readonly ArdRow[], param: string, visit: string, group: string, stat: string) =>
  rows.find((r) => r.param === param && r.visit === visit && r.group === group && r.stat === stat)?.value;

const adsl = [adslRecord('A'), adslRecord('B', { ARMCD: 'MSC5E6' }), adslRecord('X', { FASFL: 'N' })];

describe('analyzePgaByVisit', () => {
  const rows = analyzePgaByVisit(
    adsl,
    [
      pga('A', 1, 'SCREENING', 1.5, null, 'Y'),
      pga('A', 3, 'WEEK4', 1.0, -0.5),
      pga('A', 3.01, null, 0.2, null),
      pga('B', 2, 'BASELINE', 2.0, null, 'Y'),
      pga('X', 2, 'BASELINE', 3.0, null, 'Y'),
    ],
    settings(),
    false,
  );
  it('baseline value at BASELINE (from screening if so chosen), scheduled visits only, FAS by randomized arm', () => {
    expect([v(rows, 'AVAL', 'BASELINE', 'TOTAL', 'n'), v(rows, 'AVAL', 'BASELINE', 'TOTAL', 'mean')]).toEqual([
      2, 1.75,
    ]);
    expect([
      v(rows, 'AVAL', 'WEEK4', 'PBO', 'mean'),
      v(rows, 'CHG', 'WEEK4', 'PBO', 'min'),
      v(rows, 'AVAL', 'WEEK4', 'MSC5E6', 'n'),
    ]).toEqual([1, -0.5, 0]);
    expect(rows.some((r) => r.param === 'CHG' && r.visit === 'BASELINE')).toBe(false);
    expect(rows.every((r) => r.endpoint === 'PGA' && r.population === 'FAS')).toBe(true);
  });
  it('writes, when blinded, the TOTAL rows alone', () => {
    expect(
      analyzePgaByVisit(adsl.map(blind), [pga('A', 2, 'BASELINE', 1, null, 'Y')], settings(), true).every(
        (r) => r.group === 'TOTAL',
      ),
    ).toBe(true);
  });
});

describe('analyzeBilagGradesByVisit', () => {
  const [d] = settings().bilag.domains;
  const rows = analyzeBilagGradesByVisit(
    adsl,
    [
      grade('A', d!.code, 2, 'BASELINE', 'B', 'Y'),
      grade('A', d!.code, 3, 'WEEK4', null),
      grade('B', d!.code, 2, 'BASELINE', 'B', 'Y'),
    ],
    settings(),
    false,
  );
  it('counts each grade, and MISSING for no grade, of N FAS subjects', () => {
    expect([
      v(rows, `${d!.code}:B`, 'BASELINE', 'TOTAL', 'n'),
      v(rows, `${d!.code}:B`, 'BASELINE', 'TOTAL', 'N'),
      v(rows, `${d!.code}:B`, 'BASELINE', 'TOTAL', 'prop'),
    ]).toEqual([2, 2, 1]);
    expect(v(rows, `${d!.code}:MISSING`, 'WEEK4', 'PBO', 'n')).toBe(1);
    expect(v(rows, `${d!.code}:MISSING`, 'WEEK52', 'MSC5E6', 'n')).toBe(1);
    expect(v(rows, `${d!.code}:A`, 'WEEK4', 'MSC1E6', 'prop')).toBeNull();
  });
});

// R reference: test/fixtures/pga-bilag/make-pga-bilag.R (base R on the run's adam/adsl.csv, adpga.csv,
// adbilag.csv). Counts exact, other statistics within 1e-12 relative (absolute below 1).
describe('PGA and BILAGGRADE rows of the sample lock against R', async () => {
  const ref = JSON.parse(
    readFileSync(new URL('../fixtures/pga-bilag/pga-bilag-sample.json', import.meta.url), 'utf8'),
  ) as RJsonArdRow[];
  const { result } = await sampleRun('unblinded');
  const pick = (a: readonly ArdRow[]) => a.filter((r) => r.endpoint === 'PGA' || r.endpoint === 'BILAGGRADE');
  it('has exactly the rows and values of the R reference', () => {
    expectArdMatchesRJson(pick(result.ard), ref, 1e-12);
  });
  it('writes, when blinded, the unblinded TOTAL rows and nothing else; tables written', async () => {
    expect(pick((await sampleRun('blinded')).result.ard)).toEqual(pick(result.ard).filter((r) => r.group === 'TOTAL'));
    expect(result.files.has('tables/T-14.2.15.txt') && result.files.has('tables/T-14.2.16.txt')).toBe(true);
  });
});

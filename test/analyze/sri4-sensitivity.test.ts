/**
 * SRI-4 sensitivity, supportive and subgroup analyses (SAP 6.13) on hand-built subjects; the numbers
 * against R on the sample and the edge lock are in test/validation/sensitivity-double-programming.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSri4Sensitivity, sri4Subgroups, stratifiedTables } from '../../src/analyze/sri4-sensitivity.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { AdslRecord } from '../../src/derive/adsl.js';
import type { Sri4Record } from '../../src/derive/sri4.js';
import { cochranMantelHaenszel } from '../../src/numerics/binary/cmh.js';
import { fisherExactTwoSided } from '../../src/numerics/binary/fisher-exact.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { settings } from '../derive/helpers.js';

const s = settings();

function sri4(USUBJID: string, responder: boolean, observed = true): Sri4Record {
  return {
    USUBJID,
    W20DT: null,
    W24DT: null,
    CSWINSDY: null,
    CSWINEDY: null,
    SLEDBASE: null,
    SLEDAVAL: null,
    SLEDCHG: null,
    SLEDSTAT: 'MET',
    BLGNEWA: null,
    BLGNEWB: null,
    BLGSTAT: 'MET',
    PGABASEH: null,
    PGAAVALH: null,
    PGACHGH: null,
    PGASTAT: 'MET',
    CSMAXDOS: null,
    CSSTAT: 'MET',
    WDBFW24: 'N',
    SRI4FL: responder ? 'Y' : 'N',
    NRREAS: null,
    OCFL: observed ? 'Y' : 'N',
  };
}

/**
 * Stratum <10: PBO 1/2 responders, MSC1E6 2/2, MSC5E6 none. Stratum >=10: PBO 1/3, MSC1E6 0/1 (one
 * subject), MSC5E6 2/3, plus P3c (PBO, >=10), a non-responder with a missing component (not an observed
 * case). M1b is male, 45, randomized MSC1E6 and infused PBO; P1b is 39; everyone else is female and 40.
 */
const subjects: [AdslRecord, Sri4Record][] = [
  [adslRecord('P1a', { RANDSTR: '<10' }), sri4('P1a', true)],
  [adslRecord('P1b', { RANDSTR: '<10', AGE: 39 }), sri4('P1b', false)],
  [adslRecord('M1a', { ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6', RANDSTR: '<10' }), sri4('M1a', true)],
  [adslRecord('M1b', { ARMCD: 'MSC1E6', ACTARMCD: 'PBO', RANDSTR: '<10', SEX: 'M', AGE: 45 }), sri4('M1b', true)],
  [adslRecord('P3a', { RANDSTR: '>=10' }), sri4('P3a', true)],
  [adslRecord('P3b', { RANDSTR: '>=10' }), sri4('P3b', false)],
  [adslRecord('P3c', { RANDSTR: '>=10' }), sri4('P3c', false, false)],
  [adslRecord('M1c', { ARMCD: 'MSC1E6', ACTARMCD: 'MSC1E6', RANDSTR: '>=10' }), sri4('M1c', false)],
  [adslRecord('M5a', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', RANDSTR: '>=10' }), sri4('M5a', true)],
  [adslRecord('M5b', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', RANDSTR: '>=10' }), sri4('M5b', true)],
  [adslRecord('M5c', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', RANDSTR: '>=10' }), sri4('M5c', false)],
  [adslRecord('M5d', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', RANDSTR: '<10' }), sri4('M5d', false)],
  // Never infused: in no analysis of this file (FAS and SAF need the infusion).
  [adslRecord('N1', { ARMCD: 'MSC5E6', ACTARMCD: null, INFFL: 'N', FASFL: 'N', SAFFL: 'N' }), sri4('N1', true)],
];
const adsl = subjects.map(([a]) => a);
const records = subjects.filter(([a]) => a.SAFFL === 'Y').map(([, r]) => r);
const rows = analyzeSri4Sensitivity(adsl, records, s, false);
const value = (endpoint: string, group: string, stat: string, param = '', comparator = '') => {
  const hits = rows.filter(
    (r: ArdRow) =>
      r.endpoint === endpoint &&
      r.param === param &&
      r.group === group &&
      r.stat === stat &&
      r.comparator === comparator,
  );
  if (hits.length !== 1) throw new Error(`${hits.length} rows ${endpoint} ${param} ${group} ${stat}`);
  return hits[0]!.value;
};

describe('SRI4_STRAT', () => {
  it('one 2×2 table per randomization stratum (a/b MSC responders/non-, c/d PBO), the two arms only', () => {
    const fas = adsl.filter((a) => a.FASFL === 'Y');
    const responds = (a: AdslRecord) => subjects.find(([x]) => x === a)![1].SRI4FL === 'Y';
    expect(stratifiedTables(fas, 'MSC1E6', ['<10', '>=10'], responds)).toEqual([
      { a: 2, b: 0, c: 1, d: 1 },
      { a: 0, b: 1, c: 1, d: 2 },
    ]);
    expect(stratifiedTables(fas, 'MSC5E6', ['<10', '>=10'], responds)).toEqual([
      { a: 0, b: 1, c: 1, d: 1 },
      { a: 2, b: 1, c: 1, d: 2 },
    ]);
  });

  it('writes CMH p and the MH odds ratio with its RBG CI of those tables (methods CMH, MH)', () => {
    const r = cochranMantelHaenszel([
      { a: 2, b: 0, c: 1, d: 1 },
      { a: 0, b: 1, c: 1, d: 2 },
    ]);
    expect(value('SRI4_STRAT', 'MSC1E6', 'p', '', 'PBO')).toBe(r.p);
    expect(value('SRI4_STRAT', 'MSC1E6', 'or', '', 'PBO')).toBe(r.estimate);
    expect(value('SRI4_STRAT', 'MSC1E6', 'or_lcl', '', 'PBO')).toBe(r.lower);
    // Σad/n = 2·1/4 + 0 = 0.5, Σbc/n = 0 + 1·1/4 = 0.25: ψ = 2.
    expect(r.estimate).toBeCloseTo(2, 14);
    expect(
      rows
        .filter((x) => x.endpoint === 'SRI4_STRAT')
        .map((x) => `${x.group}:${x.stat}:${x.method}`)
        .sort(),
    ).toEqual([
      'MSC1E6:or:MH',
      'MSC1E6:or_lcl:MH',
      'MSC1E6:or_ucl:MH',
      'MSC1E6:p:CMH',
      'MSC5E6:or:MH',
      'MSC5E6:or_lcl:MH',
      'MSC5E6:or_ucl:MH',
      'MSC5E6:p:CMH',
    ]);
  });
});

describe('SRI4_OC, SRI4_AT', () => {
  it('observed cases: N leaves out the subject with a missing component', () => {
    expect([value('SRI4_OC', 'PBO', 'N'), value('SRI4_OC', 'PBO', 'n'), value('SRI4_OC', 'TOTAL', 'N')]).toEqual([
      4, 2, 11,
    ]);
    expect(value('SRI4_OC', 'MSC1E6', 'p', '', 'PBO')).toBe(fisherExactTwoSided(2, 1, 2, 2));
  });

  it('as treated: SAF by the arm infused (M1b, randomized MSC1E6, counts in PBO)', () => {
    expect([value('SRI4_AT', 'PBO', 'N'), value('SRI4_AT', 'PBO', 'n'), value('SRI4_AT', 'MSC1E6', 'N')]).toEqual([
      6, 3, 2,
    ]);
    expect(rows.find((r) => r.endpoint === 'SRI4_AT')?.population).toBe('SAF');
  });
});

describe('SRI4_SUB', () => {
  it('has the six subgroups of SAP 6.13, always', () => {
    expect(sri4Subgroups(s).map((g) => g.param)).toEqual([
      'STRATUM:<10',
      'STRATUM:>=10',
      'SEX:F',
      'SEX:M',
      'AGE:<40',
      'AGE:>=40',
    ]);
    const params = new Set(rows.filter((r) => r.endpoint === 'SRI4_SUB').map((r) => r.param));
    expect([...params].sort()).toEqual(['AGE:<40', 'AGE:>=40', 'SEX:F', 'SEX:M', 'STRATUM:<10', 'STRATUM:>=10']);
  });

  it('age: < 40 vs ≥ 40 (40 itself is ≥ 40); a subgroup with an empty arm has N = 0 and no comparison', () => {
    expect(value('SRI4_SUB', 'PBO', 'N', 'AGE:<40')).toBe(1);
    expect(value('SRI4_SUB', 'PBO', 'N', 'AGE:>=40')).toBe(4);
    // Male: MSC1E6 1/1, no PBO and no MSC5E6 subject.
    expect([value('SRI4_SUB', 'PBO', 'N', 'SEX:M'), value('SRI4_SUB', 'PBO', 'prop', 'SEX:M')]).toEqual([0, null]);
    for (const stat of ['diff', 'diff_lcl', 'diff_ucl', 'p'])
      expect(value('SRI4_SUB', 'MSC1E6', stat, 'SEX:M', 'PBO')).toBeNull();
  });

  it('stratum subgroup: an arm without responders still gets MN and Fisher (zero cells are estimable)', () => {
    expect(value('SRI4_SUB', 'MSC5E6', 'n', 'STRATUM:<10')).toBe(0);
    expect(value('SRI4_SUB', 'MSC5E6', 'diff', 'STRATUM:<10', 'PBO')).toBeCloseTo(-0.5, 14);
    expect(value('SRI4_SUB', 'MSC5E6', 'p', 'STRATUM:<10', 'PBO')).toBe(1);
  });
});

it('writes nothing in a blinded run', () => {
  expect(analyzeSri4Sensitivity(adsl.map(blind), records, s, true)).toEqual([]);
});

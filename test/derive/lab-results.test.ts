import { describe, expect, it } from 'vitest';
import { computeLabPrecision, computeLabValue, deriveLabResults, toLabDataset } from '../../src/derive/lab-results.js';
import { dm, settings } from './helpers.js';
import { lb } from './lb-helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

const s = settings();
const ND = s.notDone;

describe('computeLabValue', () => {
  it('takes LBSTRESN with its collected decimals', () => {
    expect(computeLabValue({ LBSTRESN: 0.7, LBSTRESN_DEC: 2, LBSTRESC: '0.70', LBSTAT: null }, ND)).toEqual({
      value: 0.7,
      qualifier: null,
      decimals: 2,
    });
  });

  it('reads a text <x or >x as x with its qualifier', () => {
    expect(computeLabValue({ LBSTRESN: null, LBSTRESN_DEC: null, LBSTRESC: '<10', LBSTAT: null }, ND)).toEqual({
      value: 10,
      qualifier: '<',
      decimals: 0,
    });
    expect(computeLabValue({ LBSTRESN: null, LBSTRESN_DEC: null, LBSTRESC: '>0.50', LBSTAT: null }, ND)).toEqual({
      value: 0.5,
      qualifier: '>',
      decimals: 2,
    });
    expect(computeLabValue({ LBSTRESN: null, LBSTRESN_DEC: null, LBSTRESC: '< 3.5', LBSTAT: null }, ND)).toEqual({
      value: 3.5,
      qualifier: '<',
      decimals: 1,
    });
  });

  it('is missing when NOT DONE, empty, or a text that states no order', () => {
    expect(computeLabValue({ LBSTRESN: null, LBSTRESN_DEC: null, LBSTRESC: null, LBSTAT: ND }, ND)).toBeNull();
    expect(computeLabValue({ LBSTRESN: null, LBSTRESN_DEC: null, LBSTRESC: 'POSITIVE', LBSTAT: null }, ND)).toBeNull();
    expect(computeLabValue({ LBSTRESN: null, LBSTRESN_DEC: null, LBSTRESC: '<=10', LBSTAT: null }, ND)).toBeNull();
  });
});

describe('deriveLabResults', () => {
  it('falls back to the latest pre-dose value when Day 0 is NOT DONE, and computes CHG at scheduled visits only', () => {
    const lock = {
      dm: [dm('S1')],
      lb: [
        lb('S1', 'C3', 1, -20, 0.8),
        lb('S1', 'C3', 1.01, -5, 0.75),
        lb('S1', 'C3', 2, 0, null),
        lb('S1', 'C3', 3, 28, 0.95),
        lb('S1', 'C3', 3.01, 30, 1.0),
        lb('S1', 'C4', 2, 0, 0.2),
      ],
    };
    const r = deriveLabResults(lock, s);
    expect(r.map((x) => [x.PARAMCD, x.VISITNUM, x.ABLFL, x.BASE, x.CHG])).toEqual([
      ['C3', 1, null, 0.75, null],
      ['C3', 1.01, 'Y', 0.75, null],
      ['C3', 2, null, 0.75, null],
      ['C3', 3, null, 0.75, 0.95 - 0.75],
      ['C3', 3.01, null, 0.75, null],
      ['C4', 2, 'Y', 0.2, null],
    ]);
    expect(r[3]!.AVISIT).toBe('WEEK4');
    expect(r[4]!.AVISIT).toBeNull();
    expect(r[3]!.ADY).toBe(28);
  });

  it('counts a text <x as x in AVAL, BASE and CHG, keeping the qualifiers', () => {
    const r = deriveLabResults(
      { dm: [dm('S1')], lb: [lb('S1', 'DSDNA', 2, 0, '<10'), lb('S1', 'DSDNA', 5, 84, 45)] },
      s,
    );
    expect(r.map((x) => [x.AVAL, x.AVALQUAL, x.BASE, x.BASEQUAL, x.CHG])).toEqual([
      [10, '<', 10, '<', null],
      [45, null, 10, '<', 35],
    ]);
  });

  it('gives the data precision per test as the most collected decimals (a text value included)', () => {
    const r = deriveLabResults(
      { dm: [dm('S1')], lb: [lb('S1', 'C3', 2, 0, 0.7), lb('S1', 'C3', 3, 28, 1.25), lb('S1', 'DSDNA', 2, 0, '<10')] },
      s,
    );
    expect(computeLabPrecision(r, s)).toEqual(
      new Map([
        ['C3', 2],
        ['DSDNA', 0],
      ]),
    );
  });

  it('caps the data precision at display.maxDataPrecision (SAP §4.9, C13): 17 or 25 decimals written give d = 3', () => {
    const r = deriveLabResults(
      { dm: [dm('S1')], lb: [lb('S1', 'C3', 2, 0, 0.7), lb('S1', 'C3', 3, 28, 1.25), lb('S1', 'C4', 2, 0, 0.2)] },
      s,
    );
    const written = r.map((x, i) => ({ ...x, AVALDEC: [17, 2, 25][i] as number }));
    expect(s.display.maxDataPrecision).toBe(3);
    expect(computeLabPrecision(written, s)).toEqual(
      new Map([
        ['C3', 3],
        ['C4', 3],
      ]),
    );
  });

  it('writes adlb with its columns in order', () => {
    const ds = toLabDataset(
      deriveLabResults({ dm: [dm('S1')], lb: [lb('S1', 'C3', 2, 0, 0.7, { LBSTNRLO: 0.9 })] }, s),
      datasetContext(['S1'], s),
    );
    expect(ds.name).toBe('adlb');
    expect(ds.rows[0]).toMatchObject({
      PARAMCD: 'C3',
      PARAM: 'Complement C3 (g/L)',
      AVISITN: 0,
      AVAL: 0.7,
      ANRLO: 0.9,
      ABLFL: 'Y',
      BASE: 0.7,
      CHG: null,
      ANL01FL: 'Y',
    });
  });
});

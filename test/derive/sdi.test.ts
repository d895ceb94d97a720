import { describe, expect, it } from 'vitest';
import { computeSdiTotal, deriveSdi, toSdiDataset } from '../../src/derive/sdi.js';
import { dm, qs, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

const s = settings();
const sdiRows = (USUBJID: string, VISITNUM: number, day: number, scores: Record<string, number | null>) =>
  s.sdi.systems.map((sys) => {
    const v = sys.code in scores ? (scores[sys.code] ?? null) : 0;
    return v === null
      ? qs(USUBJID, VISITNUM, day, { QSCAT: s.sdi.qscat, QSTESTCD: sys.code, QSSTAT: 'NOT DONE' })
      : qs(USUBJID, VISITNUM, day, { QSCAT: s.sdi.qscat, QSTESTCD: sys.code, QSSTRESN: v, QSSTRESC: String(v) });
  });

describe('computeSdiTotal', () => {
  it('sums the system scores, missing when any is missing', () => {
    expect(
      computeSdiTotal(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
        ['a', 'b'],
      ),
    ).toBe(3);
    expect(
      computeSdiTotal(
        new Map([
          ['a', 1],
          ['b', null],
        ]),
        ['a', 'b'],
      ),
    ).toBeNull();
    expect(computeSdiTotal(new Map([['a', 1]]), ['a', 'b'])).toBeNull();
  });
});

describe('deriveSdi', () => {
  it('takes screening as baseline (not Day 0) and the change at Week 52', () => {
    const lock = {
      dm: [dm('S1')],
      qs: [
        ...sdiRows('S1', 1, -10, { SDIMUSK: 1 }),
        ...sdiRows('S1', 2, 0, { SDIMUSK: 3 }),
        ...sdiRows('S1', 10, 364, { SDIMUSK: 1, SDIRENL: 2 }),
      ],
    };
    const r = deriveSdi(lock, s);
    expect(r.map((x) => [x.VISITNUM, x.AVAL, x.ABLFL, x.BASE, x.CHG])).toEqual([
      [1, 1, 'Y', 1, null],
      [2, 3, null, 1, null], // Day 0 is not post-baseline: no change
      [10, 3, null, 1, 2],
    ]);
    // Every record written field by field, with every field in one order (one object shape for V8).
    for (const x of r) {
      expect(Object.keys(x)).toEqual([
        'USUBJID',
        'VISITNUM',
        'VISIT',
        'AVISIT',
        'ADT',
        'ADY',
        'AVAL',
        'src',
        'ABLFL',
        'BASE',
        'CHG',
      ]);
    }
    expect(toSdiDataset(r, datasetContext(['S1'], s)).rows[2]).toMatchObject({
      PARAMCD: 'SDI',
      AVISIT: 'WEEK52',
      AVISITN: 52,
      CHG: 2,
      ANL01FL: 'Y',
    });
  });

  it('has no baseline when the screening total is missing', () => {
    const lock = { dm: [dm('S1')], qs: [...sdiRows('S1', 1, -10, { SDIOCUL: null }), ...sdiRows('S1', 10, 364, {})] };
    expect(deriveSdi(lock, s).map((x) => [x.AVAL, x.BASE, x.CHG])).toEqual([
      [null, null, null],
      [0, null, null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { computeSledaiTotal, deriveSledai, toSledaiDataset } from '../../src/derive/sledai.js';
import { dm, settings, sledai } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

// Weights: dts/instruments.md (SLED01 seizure 8, SLED09 arthritis 4, SLED15 rash 2, SLED22 fever 1 …).
const D = [
  { code: 'A', weight: 8 },
  { code: 'B', weight: 4 },
  { code: 'C', weight: 1 },
];

describe('computeSledaiTotal', () => {
  it('sums the weights of descriptors present', () => {
    expect(
      computeSledaiTotal(
        new Map([
          ['A', 'Y'],
          ['B', 'N'],
          ['C', 'Y'],
        ]),
        D,
        'Y',
        'N',
      ),
    ).toBe(9);
    expect(
      computeSledaiTotal(
        new Map([
          ['A', 'N'],
          ['B', 'N'],
          ['C', 'N'],
        ]),
        D,
        'Y',
        'N',
      ),
    ).toBe(0);
  });

  it('is missing when a descriptor is missing, NOT DONE (null) or absent', () => {
    expect(
      computeSledaiTotal(
        new Map([
          ['A', 'Y'],
          ['B', null],
          ['C', 'Y'],
        ]),
        D,
        'Y',
        'N',
      ),
    ).toBeNull();
    expect(
      computeSledaiTotal(
        new Map([
          ['A', 'Y'],
          ['C', 'Y'],
        ]),
        D,
        'Y',
        'N',
      ),
    ).toBeNull();
  });
});

describe('deriveSledai', () => {
  const s = settings();

  it('derives totals, baseline at Day 0 and change at scheduled visits only', () => {
    const lock = {
      dm: [dm('S1')],
      qs: [
        ...sledai('S1', 1, -14, ['SLED09', 'SLED13', 'SLED15', 'SLED20']), // 4+4+2+2 = 12
        ...sledai('S1', 2, 0, ['SLED09', 'SLED13', 'SLED20', 'SLED21']), // 12
        ...sledai('S1', 5, 84, ['SLED13', 'SLED20']), // 6
        ...sledai('S1', 5.01, 90, ['SLED20']), // 2, unscheduled
      ],
    };
    const r = deriveSledai(lock, s);
    expect(r.map((x) => [x.VISITNUM, x.AVISIT, x.ADY, x.AVAL, x.ABLFL, x.BASE, x.CHG])).toEqual([
      [1, 'SCREENING', -14, 12, null, 12, null],
      [2, 'BASELINE', 0, 12, 'Y', 12, null],
      [5, 'WEEK12', 84, 6, null, 12, -6],
      [5.01, null, 90, 2, null, 12, null],
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
        'MISSDESC',
        'src',
        'ABLFL',
        'BASE',
        'CHG',
      ]);
    }
  });

  it('makes the total missing when one item is NOT DONE, and names it', () => {
    const r = deriveSledai({ dm: [dm('S1')], qs: sledai('S1', 2, 0, ['SLED09'], { notDone: ['SLED12'] }) }, s);
    expect(r[0]).toMatchObject({ AVAL: null, MISSDESC: ['SLED12'], ABLFL: null, BASE: null });
  });

  it('uses screening as baseline when the Day 0 total is missing (an item without a row)', () => {
    const lock = {
      dm: [dm('S1')],
      qs: [
        ...sledai('S1', 1, -7, ['SLED08', 'SLED09']), // 12
        ...sledai('S1', 2, 0, ['SLED08'], { omit: ['SLED24'] }), // missing
        ...sledai('S1', 3, 28, ['SLED09']), // 4
      ],
    };
    const r = deriveSledai(lock, s);
    expect(r.map((x) => [x.VISITNUM, x.AVAL, x.ABLFL, x.BASE, x.CHG])).toEqual([
      [1, 12, 'Y', 12, null],
      [2, null, null, 12, null],
      [3, 4, null, 12, -8],
    ]);
    expect(r[1]?.MISSDESC).toEqual(['SLED24']);
  });

  it('keeps each subject apart and follows DM order', () => {
    const lock = { dm: [dm('S2'), dm('S1')], qs: [...sledai('S1', 2, 0, ['SLED01']), ...sledai('S2', 2, 0, [])] };
    expect(deriveSledai(lock, s).map((x) => [x.USUBJID, x.BASE])).toEqual([
      ['S2', 0],
      ['S1', 8],
    ]);
  });

  it('adapts to the adsled dataset with the missing descriptors as text', () => {
    const r = deriveSledai({ dm: [dm('S1')], qs: sledai('S1', 2, 0, [], { notDone: ['SLED01', 'SLED02'] }) }, s);
    const d = toSledaiDataset(r, datasetContext(['S1'], s));
    expect(d.name).toBe('adsled');
    expect(d.rows[0]).toMatchObject({
      STUDYID: 'SLEMSC01',
      TRTP: 'Placebo',
      PARAMCD: 'SLEDAI',
      PARAM: 'SLEDAI-2K Total Score',
      AVAL: null,
      MISSDESC: 'SLED01 SLED02',
      AVISIT: 'BASELINE',
      AVISITN: 0,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { derivePga, toHundredths, toPgaDataset } from '../../src/derive/pga.js';
import { dm, pga, settings } from './helpers.js';
import { datasetContext } from '../helpers/dataset-context.js';

describe('toHundredths', () => {
  it('is exact for two-decimal values whose product with 100 is not (0.29 × 100 = 28.999999999999996)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(1.15)).toBe(115);
    expect(toHundredths(2.3)).toBe(230);
    expect(toHundredths(0)).toBe(0);
  });

  it('refuses more than two decimals', () => {
    expect(() => toHundredths(1.234)).toThrow(/more than two decimals/);
  });
});

describe('derivePga', () => {
  const s = settings();

  it('derives change in hundredths, so that 2.30 − 2.00 is exactly 30 (0.30)', () => {
    expect(2.3 - 2.0).not.toBe(0.3);
    const r = derivePga(
      { dm: [dm('S1')], qs: [pga('S1', 2, 0, 2.0), pga('S1', 8, 168, 2.3), pga('S1', 9, 252, 2.29)] },
      s,
    );
    expect(r.map((x) => [x.VISITNUM, x.AVALH, x.ABLFL, x.BASEH, x.CHGH, x.CHG])).toEqual([
      [2, 200, 'Y', 200, null, null],
      [8, 230, null, 200, 30, 0.3],
      [9, 229, null, 200, 29, 0.29],
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
        'AVALH',
        'src',
        'ABLFL',
        'BASE',
        'BASEH',
        'CHGH',
        'CHG',
      ]);
    }
  });

  it('uses the latest pre-dose value when Day 0 is NOT DONE', () => {
    const r = derivePga(
      { dm: [dm('S1')], qs: [pga('S1', 1, -9, 1.5), pga('S1', 2, 0, null), pga('S1', 3, 28, 1.25)] },
      s,
    );
    expect(r.map((x) => [x.VISITNUM, x.AVAL, x.ABLFL, x.BASE, x.CHGH])).toEqual([
      [1, 1.5, 'Y', 1.5, null],
      [2, null, null, 1.5, null],
      [3, 1.25, null, 1.5, -25],
    ]);
    const ds = toPgaDataset(r, datasetContext(['S1'], s));
    expect(ds.rows[2]).toMatchObject({ PARAMCD: 'PGA', CHG: -0.25, CHGH: -25, BASE: 1.5, AVISITN: 4, ANL01FL: 'Y' });
    // Screening is baseline here; Day 0 (missing) is neither baseline nor post-baseline.
    expect(ds.rows.map((x) => x.ANL01FL)).toEqual(['Y', null, 'Y']);
  });
});

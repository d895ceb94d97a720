/**
 * DEVIATION rows (SAP 7.4) on hand-built subjects; against R in test/validation/sensitivity-double-programming.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { analyzeDeviations } from '../../src/analyze/deviations.js';
import { deriveDeviations } from '../../src/derive/deviations.js';

const adsl = [
  adslRecord('P1', { EXVOL: 100 }),
  adslRecord('P2', { EXVOL: null }),
  adslRecord('M1', { ARMCD: 'MSC1E6', ACTARMCD: 'PBO', EXVOL: 64 }),
  adslRecord('M5', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', EXVOL: 90, RANDSTR: '>=10' }),
  adslRecord('N1', { ARMCD: 'MSC5E6', ACTARMCD: null, INFFL: 'N', FASFL: 'N', SAFFL: 'N', TRTSDT: null, EXVOL: null }),
];
const pick = (rows: readonly ArdRow[], param: string, group: string, stat: string) =>
  rows.find((r) => r.param === param && r.group === group && r.stat === stat)?.value;

describe('analyzeDeviations', () => {
  it('N, n, prop of each deviation in ENR by randomized arm', () => {
    const rows = analyzeDeviations(adsl, deriveDeviations(adsl), false);
    // M1: ARM deviation (MSC1E6 randomized, PBO infused); M5: STRATUM (randomized >=10, screening <10); N1: not infused.
    expect([pick(rows, 'ARM', 'MSC1E6', 'n'), pick(rows, 'ARM', 'PBO', 'n')]).toEqual([1, 0]);
    expect([pick(rows, 'STRATUM', 'MSC5E6', 'N'), pick(rows, 'STRATUM', 'MSC5E6', 'n')]).toEqual([2, 1]);
    expect([
      pick(rows, 'NOTINFUSED', 'MSC5E6', 'n'),
      pick(rows, 'ANY', 'TOTAL', 'n'),
      pick(rows, 'ANY', 'TOTAL', 'prop'),
    ]).toEqual([1, 3, 3 / 5]);
  });

  it('no rows in a blinded run', () => {
    expect(analyzeDeviations(adsl.map(blind), [], true)).toEqual([]);
  });
});

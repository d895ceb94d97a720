/**
 * EXPOSURE rows (SAP 7.4) on hand-built subjects; against R in test/validation/sensitivity-double-programming.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { analyzeExposure } from '../../src/analyze/exposure.js';

const adsl = [
  adslRecord('P1', { EXVOL: 100 }),
  adslRecord('P2', { EXVOL: null }),
  adslRecord('M1', { ARMCD: 'MSC1E6', ACTARMCD: 'PBO', EXVOL: 64 }),
  adslRecord('M5', { ARMCD: 'MSC5E6', ACTARMCD: 'MSC5E6', EXVOL: 90, RANDSTR: '>=10' }),
  adslRecord('N1', { ARMCD: 'MSC5E6', ACTARMCD: null, INFFL: 'N', FASFL: 'N', SAFFL: 'N', TRTSDT: null, EXVOL: null }),
];
const pick = (rows: readonly ArdRow[], param: string, group: string, stat: string) =>
  rows.find((r) => r.param === param && r.group === group && r.stat === stat)?.value;

describe('analyzeExposure', () => {
  it('describes EXVOL in the SAF by arm infused, over the subjects who have one', () => {
    const rows = analyzeExposure(adsl, false);
    expect([
      pick(rows, 'EXVOL', 'PBO', 'n'),
      pick(rows, 'EXVOL', 'PBO', 'mean'),
      pick(rows, 'EXVOL', 'PBO', 'min'),
    ]).toEqual([2, 82, 64]);
    expect([pick(rows, 'EXVOL', 'MSC1E6', 'n'), pick(rows, 'EXVOL', 'MSC1E6', 'mean')]).toEqual([0, null]);
    expect([pick(rows, 'EXVOL', 'TOTAL', 'n'), pick(rows, 'EXVOL', 'TOTAL', 'sd')]).toEqual([
      3,
      Math.sqrt(((100 - 84.66666666666667) ** 2 + (64 - 84.66666666666667) ** 2 + (90 - 84.66666666666667) ** 2) / 2),
    ]);
    expect(rows.every((r) => r.population === 'SAF' && r.endpoint === 'EXPOSURE' && r.visit === '')).toBe(true);
  });

  it('TOTAL only when blinded', () => {
    expect(new Set(analyzeExposure(adsl.map(blind), true).map((r) => r.group))).toEqual(new Set(['TOTAL']));
  });
});

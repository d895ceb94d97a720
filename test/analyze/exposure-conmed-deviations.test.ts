/**
 * EXPOSURE, CONMED and DEVIATION rows (SAP 7.4) on hand-built subjects; against R on the sample and the
 * edge lock in test/validation/sensitivity-double-programming.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeConmed } from '../../src/analyze/conmed.js';
import { analyzeDeviations } from '../../src/analyze/deviations.js';
import { analyzeExposure } from '../../src/analyze/exposure.js';
import type { ArdRow } from '../../src/ard/types.js';
import type { ConmedRecord } from '../../src/derive/conmed.js';
import { deriveDeviations } from '../../src/derive/deviations.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { settings } from '../derive/helpers.js';

const s = settings();
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
    expect([pick(rows, 'EXVOL', 'PBO', 'n'), pick(rows, 'EXVOL', 'PBO', 'mean'), pick(rows, 'EXVOL', 'PBO', 'min')]).toEqual([2, 82, 64]);
    expect([pick(rows, 'EXVOL', 'MSC1E6', 'n'), pick(rows, 'EXVOL', 'MSC1E6', 'mean')]).toEqual([0, null]);
    expect([pick(rows, 'EXVOL', 'TOTAL', 'n'), pick(rows, 'EXVOL', 'TOTAL', 'sd')]).toEqual([3, Math.sqrt(((100 - 84.66666666666667) ** 2 + (64 - 84.66666666666667) ** 2 + (90 - 84.66666666666667) ** 2) / 2)]);
    expect(rows.every((r) => r.population === 'SAF' && r.endpoint === 'EXPOSURE' && r.visit === '')).toBe(true);
  });

  it('TOTAL only when blinded', () => {
    expect(new Set(analyzeExposure(adsl.map(blind), true).map((r) => r.group))).toEqual(new Set(['TOTAL']));
  });
});

describe('analyzeConmed', () => {
  const rec = (USUBJID: string, CMCAT: string, CMDECOD: string, D0FL: 'Y' | 'N' | null): ConmedRecord => ({
    USUBJID, CMSEQ: 1, CMCAT, CMDECOD, CMSTDTC: '2025', CMENDTC: null, ASTDY: null, AENDY: null, D0FL,
  });
  const conmed = [
    rec('P1', 'CORTICOSTEROID', 'PREDNISONE', 'Y'),
    rec('P1', 'CORTICOSTEROID', 'PREDNISOLONE', 'Y'),
    rec('M1', 'CORTICOSTEROID', 'PREDNISONE', 'N'),
    rec('M5', 'ANTIMALARIAL', 'HYDROXYCHLOROQUINE', 'Y'),
    rec('N1', 'BIOLOGIC', 'BELIMUMAB', null),
  ];

  it('counts subjects per category (all five, always) and per medication taken at Day 0 by a SAF subject', () => {
    const rows = analyzeConmed(adsl, conmed, s, false);
    const params = [...new Set(rows.map((r) => r.param))].sort();
    expect(params).toEqual([
      'ANTIMALARIAL', 'ANTIMALARIAL:HYDROXYCHLOROQUINE', 'BIOLOGIC', 'CORTICOSTEROID', 'CORTICOSTEROID:PREDNISOLONE',
      'CORTICOSTEROID:PREDNISONE', 'IMMUNOSUPPRESSANT', 'OTHER',
    ]);
    // P1 takes two corticosteroids: one subject in the category. SAF PBO = P1, P2, M1 (infused PBO).
    expect([pick(rows, 'CORTICOSTEROID', 'PBO', 'N'), pick(rows, 'CORTICOSTEROID', 'PBO', 'n')]).toEqual([3, 1]);
    expect(pick(rows, 'CORTICOSTEROID:PREDNISONE', 'MSC5E6', 'n')).toBe(0);
    expect(pick(rows, 'ANTIMALARIAL', 'TOTAL', 'prop')).toBe(1 / 4);
    expect(pick(rows, 'BIOLOGIC', 'TOTAL', 'n')).toBe(0);
    expect(rows.every((r) => r.visit === 'BASELINE' && r.population === 'SAF')).toBe(true);
  });

  it('TOTAL only when blinded, with the same TOTAL numbers', () => {
    const blinded = analyzeConmed(adsl.map(blind), conmed, s, true);
    expect(blinded).toEqual(analyzeConmed(adsl, conmed, s, false).filter((r) => r.group === 'TOTAL'));
  });
});

describe('analyzeDeviations', () => {
  it('N, n, prop of each deviation in ENR by randomized arm', () => {
    const rows = analyzeDeviations(adsl, deriveDeviations(adsl), false);
    // M1: ARM deviation (MSC1E6 randomized, PBO infused); M5: STRATUM (randomized >=10, screening <10); N1: not infused.
    expect([pick(rows, 'ARM', 'MSC1E6', 'n'), pick(rows, 'ARM', 'PBO', 'n')]).toEqual([1, 0]);
    expect([pick(rows, 'STRATUM', 'MSC5E6', 'N'), pick(rows, 'STRATUM', 'MSC5E6', 'n')]).toEqual([2, 1]);
    expect([pick(rows, 'NOTINFUSED', 'MSC5E6', 'n'), pick(rows, 'ANY', 'TOTAL', 'n'), pick(rows, 'ANY', 'TOTAL', 'prop')]).toEqual([1, 3, 3 / 5]);
  });

  it('no rows in a blinded run', () => {
    expect(analyzeDeviations(adsl.map(blind), [], true)).toEqual([]);
  });
});

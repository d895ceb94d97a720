/**
 * CONMED rows (SAP 7.4) on hand-built subjects; against R in test/validation/sensitivity-double-programming.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { adslRecord, blind } from '../helpers/adsl-record.js';
import { analyzeConmed } from '../../src/analyze/conmed.js';
import type { ConmedRecord } from '../../src/derive/conmed.js';
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

describe('analyzeConmed', () => {
  const rec = (USUBJID: string, CMCAT: string, CMDECOD: string, D0FL: 'Y' | 'N' | null): ConmedRecord => ({
    USUBJID,
    CMSEQ: 1,
    CMCAT,
    CMDECOD,
    CMSTDTC: '2025',
    CMENDTC: null,
    ASTDY: null,
    AENDY: null,
    D0FL,
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
      'ANTIMALARIAL',
      'ANTIMALARIAL:HYDROXYCHLOROQUINE',
      'BIOLOGIC',
      'CORTICOSTEROID',
      'CORTICOSTEROID:PREDNISOLONE',
      'CORTICOSTEROID:PREDNISONE',
      'IMMUNOSUPPRESSANT',
      'OTHER',
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

import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/core/prng.js';
import { labRows } from '../../src/simulate/labs.js';
import type { SimVisit } from '../../src/simulate/types.js';

const v: SimVisit = { num: 3, label: 'WEEK 4', date: 20_150, kind: 'scheduled', disease: true, labs: true };
const labs = { C3: 0.85, C4: 0.1, DSDNA: 7, PROTCRT: 0.62, WBC: 2.9, LYM: 0.8, NEUT: 1.75, PLAT: 401, HGB: 121 };
const byTest = (rows: readonly Record<string, string>[]) => new Map(rows.map((r) => [r.LBTESTCD, r]));

describe('labRows: laboratory rows of one visit (hand-checked cells)', () => {
  it('reports values with the laboratory’s decimals, ranges and LOW/NORMAL/HIGH', () => {
    const r = byTest(labRows(createPrng('l'), 'SLEMSC01-101-001', '101', 'F', v, labs, 0));
    expect(r.get('C3')).toMatchObject({
      LBSTRESN: '0.85',
      LBSTRESC: '0.85',
      LBSTNRLO: '0.9',
      LBSTNRHI: '1.8',
      LBNRIND: 'LOW',
      LBSTRESU: 'g/L',
      LBSPEC: 'SERUM',
      LBCAT: 'IMMUNOLOGY',
    });
    expect(r.get('C4')).toMatchObject({ LBSTRESN: '0.10', LBNRIND: 'NORMAL' });
    expect(r.get('WBC')).toMatchObject({ LBSTRESN: '2.9', LBNRIND: 'LOW' });
    expect(r.get('NEUT')).toMatchObject({ LBSTRESN: '1.75', LBNRIND: 'LOW' });
    expect(r.get('PLAT')).toMatchObject({ LBSTRESN: '401', LBNRIND: 'HIGH' });
    expect(r.get('PROTCRT')).toMatchObject({
      LBSTRESN: '0.62',
      LBSTNRLO: '',
      LBSTNRHI: '0.2',
      LBNRIND: 'HIGH',
      LBSPEC: 'URINE',
    });
    expect(r.get('HGB')).toMatchObject({ LBSTRESN: '121', LBSTNRLO: '120', LBSTNRHI: '160', LBORRESU: 'g/L' });
  });

  it('gives anti-dsDNA below 10 as text `<10` with LBSTRESN empty, above 300 as `>300`', () => {
    const low = byTest(labRows(createPrng('l'), 'U', '101', 'F', v, labs, 0)).get('DSDNA');
    expect(low).toMatchObject({ LBORRES: '<10', LBSTRESC: '<10', LBSTRESN: '', LBNRIND: 'NORMAL', LBSTNRHI: '30' });
    const high = byTest(labRows(createPrng('l'), 'U', '101', 'F', v, { ...labs, DSDNA: 412 }, 0)).get('DSDNA');
    expect(high).toMatchObject({ LBORRES: '>300', LBSTRESC: '>300', LBSTRESN: '', LBNRIND: 'HIGH' });
  });

  it('uses the male haemoglobin range and site 105’s g/dL report', () => {
    const male = byTest(labRows(createPrng('l'), 'U', '101', 'M', v, labs, 0)).get('HGB');
    expect(male).toMatchObject({ LBSTNRLO: '135', LBSTNRHI: '175', LBNRIND: 'LOW' });
    const gdl = byTest(labRows(createPrng('l'), 'U', '105', 'F', v, labs, 0)).get('HGB');
    expect(gdl).toMatchObject({ LBORRES: '12.1', LBORRESU: 'g/dL', LBSTRESN: '121', LBSTRESU: 'g/L' });
  });

  it('marks a lost sample NOT DONE for every test of that specimen, results empty (probability 1)', () => {
    const rows = labRows(createPrng('lost'), 'U', '101', 'F', v, labs, 1);
    const nd = rows.filter((r) => r.LBSTAT === 'NOT DONE');
    expect(nd.length).toBeGreaterThan(0);
    expect(new Set(nd.map((r) => r.LBSPEC)).size).toBe(1);
    for (const r of nd) expect([r.LBORRES, r.LBSTRESC, r.LBSTRESN, r.LBNRIND]).toEqual(['', '', '', '']);
  });
});

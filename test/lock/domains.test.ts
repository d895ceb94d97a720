import { describe, expect, it } from 'vitest';
import {
  AE_SCHEMA,
  CM_SCHEMA,
  DM_SCHEMA,
  DOMAIN_FILES,
  DS_SCHEMA,
  EX_SCHEMA,
  LAB_TESTS,
  LB_SCHEMA,
  QS_SCHEMA,
  STEROIDS,
  SV_SCHEMA,
} from '../../src/lock/domains.js';

// Expected values: shared/dts/domains.md and the SAP's prednisone factor list (exact).
describe('domain schemas', () => {
  const all = [DM_SCHEMA, DS_SCHEMA, SV_SCHEMA, EX_SCHEMA, QS_SCHEMA, LB_SCHEMA, CM_SCHEMA, AE_SCHEMA];
  it('one schema per domain file, each with STUDYID = SLEMSC01 and its DOMAIN code', () => {
    expect(all.map((s) => s.file)).toEqual([...DOMAIN_FILES]);
    for (const s of all) {
      expect(s.columns.STUDYID).toEqual({ type: 'char', req: 'Y', terms: ['SLEMSC01'] });
      expect(s.columns.DOMAIN?.terms).toEqual([s.file.slice(0, 2).toUpperCase()]);
    }
  });
  it('optional columns are exactly those the contract marks O', () => {
    const optional = all.flatMap((s) =>
      Object.entries(s.columns)
        .filter(([, c]) => c.req === 'O')
        .map(([n]) => n),
    );
    expect(optional.sort()).toEqual(
      ['AEACN', 'AEENDTC', 'AEOUT', 'CMENRTPT', 'EXVOL', 'LBNRIND', 'LBSTAT', 'QSREASND', 'QSSTAT', 'WEIGHTBL'].sort(),
    );
  });
  it('partial dates only in CMSTDTC, CMENDTC, AESTDTC, AEENDTC', () => {
    const pdates = all.flatMap((s) =>
      Object.entries(s.columns)
        .filter(([, c]) => c.type === 'pdate')
        .map(([n]) => n),
    );
    expect(pdates.sort()).toEqual(['AEENDTC', 'AESTDTC', 'CMENDTC', 'CMSTDTC']);
  });
  it('nine lab tests and nine steroids', () => {
    expect(Object.keys(LAB_TESTS)).toHaveLength(9);
    expect(LAB_TESTS.DSDNA).toEqual({ test: 'Anti-dsDNA Antibody', spec: 'SERUM', unit: 'IU/mL' });
    expect(STEROIDS).toHaveLength(9);
    expect(STEROIDS).toContain('DEFLAZACORT');
  });
});

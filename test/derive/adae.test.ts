import { describe, expect, it } from 'vitest';
import { computeAdaeRecord, deriveAdae, toAdaeDataset } from '../../src/derive/adae.js';
import { ADAE_META } from '../../src/derive/metadata/adae.js';
import { datasetContext } from '../helpers/dataset-context.js';
import { aeRow as ae } from '../helpers/ae-row.js';
import { settings } from './helpers.js';

describe('computeAdaeRecord', () => {
  it('flags a serious, related, severe, fatal TEAE leading to withdrawal (SAP §7.2 definitions)', () => {
    const r = computeAdaeRecord(
      ae('S-1', '2025-01-10', {
        AESER: 'Y',
        AEREL: 'POSSIBLY RELATED',
        AESEV: 'SEVERE',
        AEOUT: 'FATAL',
        AEACN: 'SUBJECT WITHDRAWN FROM STUDY',
      }),
      '2025-01-05',
      settings(),
    );
    expect(r).toMatchObject({
      TRTEMFL: 'Y',
      ASTDY: 5,
      AESEVN: 3,
      AESERFL: 'Y',
      AERELFL: 'Y',
      AESEVFL: 'Y',
      AEDISCFL: 'Y',
      AEDTHFL: 'Y',
    });
  });

  it('flags none of them on a mild, non-serious, unrelated AE with empty outcome and action', () => {
    const r = computeAdaeRecord(
      ae('S-1', '2025-01-05', { AEOUT: null, AEACN: null, AEREL: 'NOT RELATED' }),
      '2025-01-05',
      settings(),
    );
    expect(r).toMatchObject({
      TRTEMFL: 'Y',
      ASTDY: 0,
      AESEVN: 1,
      AESERFL: 'N',
      AERELFL: 'N',
      AESEVFL: 'N',
      AEDISCFL: 'N',
      AEDTHFL: 'N',
    });
    expect(computeAdaeRecord(ae('S-1', '2025-01-05', { AEREL: 'RELATED' }), '2025-01-05', settings()).AERELFL).toBe(
      'Y',
    );
  });

  it('has no start day for a partial start date, and no emergence for a subject never infused', () => {
    expect(computeAdaeRecord(ae('S-1', '2025-01'), '2025-01-05', settings())).toMatchObject({
      ASTDY: null,
      TRTEMFL: 'Y',
    });
    expect(computeAdaeRecord(ae('S-1', '2024-12'), '2025-01-05', settings())).toMatchObject({
      ASTDY: null,
      TRTEMFL: 'N',
    });
    expect(computeAdaeRecord(ae('S-2', '2025-01-10'), null, settings())).toMatchObject({
      ASTDY: null,
      TRTEMFL: null,
      TRTSDT: null,
    });
  });
});

describe('deriveAdae', () => {
  const adsl = [
    { USUBJID: 'S-1', TRTSDT: '2025-01-05' },
    { USUBJID: 'S-2', TRTSDT: null },
  ];

  it('keeps every AE row in lock order with its subject Day 0 from ADSL', () => {
    const rows = deriveAdae(
      { ae: [ae('S-1', '2025-01-04'), ae('S-2', '2025-02-01'), ae('S-1', '2025-01-05')] },
      adsl,
      settings(),
    );
    expect(rows.map((r) => [r.USUBJID, r.TRTEMFL, r.ASTDY])).toEqual([
      ['S-1', 'N', -1],
      ['S-2', null, null],
      ['S-1', 'Y', 0],
    ]);
  });

  it('refuses an AE of a subject missing from ADSL', () => {
    expect(() => deriveAdae({ ae: [ae('S-9', '2025-01-04')] }, adsl, settings())).toThrow(/not in ADSL/);
  });
});

describe('toAdaeDataset', () => {
  const records = deriveAdae({ ae: [ae('S-1', '2025-01-04')] }, [{ USUBJID: 'S-1', TRTSDT: '2025-01-05' }], settings());

  it('writes the metadata variables in order, the actual arm from ADSL', () => {
    const ds = toAdaeDataset(records, datasetContext(['S-1'], settings()));
    const names = ADAE_META.variables.map((v) => v.name);
    expect(ds.name).toBe('adae');
    expect(ds.columns).toEqual(names);
    expect(Object.keys(ds.rows[0]!)).toEqual(names);
    expect(ds.rows[0]).toMatchObject({
      STUDYID: 'SLEMSC01',
      USUBJID: 'S-1',
      TRTA: 'Placebo',
      TRTAN: 1,
      SAFFL: 'Y',
      AESTDTC: '2025-01-04',
      TRTEMFL: 'N',
      ASTDY: -1,
    });
  });

  it('leaves the treatment variables empty in a blinded run', () => {
    const ds = toAdaeDataset(records, datasetContext(['S-1'], settings(), true));
    expect(ds.rows[0]).toMatchObject({ TRTP: null, TRTPN: null, TRTA: null, TRTAN: null });
  });
});

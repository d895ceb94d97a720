import { describe, expect, it } from 'vitest';
import { computeStratum, computeStratumMismatch, deriveAdsl, toAdslDataset } from '../../src/derive/adsl.js';
import { derivePga } from '../../src/derive/pga.js';
import { deriveSdi } from '../../src/derive/sdi.js';
import { deriveSledai } from '../../src/derive/sledai.js';
import { deriveSteroidDoses } from '../../src/derive/steroid-profile.js';
import type { RandomizationRow, Unblinding } from '../../src/lock/types.js';
import { cm, dm, ds, ex, onDay, pga, qs, settings, sledai } from './helpers.js';

const s = settings();

describe('computeStratum', () => {
  it('splits screening SLEDAI-2K at 10 (9 → <10, 10 → >=10), none when missing', () => {
    expect(computeStratum(9, s)).toBe('<10');
    expect(computeStratum(10, s)).toBe('>=10');
    expect(computeStratum(null, s)).toBeNull();
  });

  it('flags a disagreement with the randomized stratum, null when either is missing', () => {
    expect(computeStratumMismatch('<10', '>=10')).toBe('Y');
    expect(computeStratumMismatch('<10', '<10')).toBe('N');
    expect(computeStratumMismatch(null, '<10')).toBeNull();
  });
});

/**
 * S1 infused, screening SLEDAI 12 (randomized in <10: mismatch), prednisone 7.5 mg on Day 0,
 * discontinued; S2 randomized, never infused, no screening SLEDAI; S3 infused, completed.
 */
function lock() {
  return {
    dm: [dm('S1'), dm('S2', { RFSTDTC: null, RFENDTC: null, SEX: 'M' }), dm('S3', { RFENDTC: onDay(366) })],
    ds: [
      ds('S1', 'PROTOCOL MILESTONE', 'RANDOMIZED', -3),
      ds('S1', 'DISPOSITION EVENT', 'ADVERSE EVENT', 200),
      ds('S2', 'PROTOCOL MILESTONE', 'RANDOMIZED', -2),
      ds('S3', 'PROTOCOL MILESTONE', 'RANDOMIZED', -1),
      ds('S3', 'DISPOSITION EVENT', 'COMPLETED', 366),
    ],
    ex: [ex('S1'), ex('S2', 'N'), ex('S3')],
    sv: [],
    qs: [
      ...sledai('S1', 1, -10, ['SLED09', 'SLED13', 'SLED20', 'SLED21']), // 12
      ...sledai('S1', 2, 0, ['SLED09', 'SLED13']), // 8
      ...sledai('S3', 1, -10, ['SLED09', 'SLED13', 'SLED22']), // 9
      pga('S1', 2, 0, 1.75),
      ...s.sdi.systems.map((sys) =>
        qs('S1', 1, -10, { QSCAT: s.sdi.qscat, QSTESTCD: sys.code, QSSTRESN: sys.code === 'SDIMUSK' ? 2 : 0 }),
      ),
    ],
    cm: [
      cm('S1', { CMDOSE: 7.5, CMSTDTC: onDay(-20), CMENDTC: onDay(0) }),
      cm('S3', { CMDOSE: 5, CMSTDTC: onDay(-20), CMENDTC: onDay(-1) }),
    ],
  };
}

function adslOf(unblinding: Unblinding) {
  const l = lock();
  const inputs = {
    sledai: deriveSledai(l, s),
    pga: derivePga(l, s),
    sdi: deriveSdi(l, s),
    steroidProfiles: deriveSteroidDoses(l, s).profiles,
  };
  return deriveAdsl(l, unblinding, inputs, s);
}

const rand = (
  USUBJID: string,
  STRATUM: '<10' | '>=10',
  ARMCD: RandomizationRow['ARMCD'],
  ACTARMCD: RandomizationRow['ACTARMCD'],
): RandomizationRow => ({
  src: { file: 'randomization.csv', line: 2 },
  STUDYID: 'SLEMSC01',
  USUBJID,
  RANDNO: `R-${USUBJID}`,
  RANDDT: onDay(-3),
  STRATUM,
  ARMCD,
  ARM: ARMCD,
  ACTARMCD,
});
const unblinded: Unblinding = {
  kind: 'randomization',
  file: 'randomization.csv',
  sha256: 'x',
  rows: [rand('S1', '<10', 'MSC5E6', 'MSC5E6'), rand('S2', '>=10', 'PBO', null), rand('S3', '<10', 'MSC1E6', 'MSC1E6')],
};

describe('deriveAdsl', () => {
  it('sets populations: FAS = randomized and infused, SAF = infused, ENR = all', () => {
    const a = adslOf({ kind: 'blinded' });
    expect(a.map((r) => [r.USUBJID, r.ENRFL, r.RANDFL, r.FASFL, r.SAFFL, r.TRTSDT])).toEqual([
      ['S1', 'Y', 'Y', 'Y', 'Y', '2025-01-01'],
      ['S2', 'Y', 'Y', 'N', 'N', null],
      ['S3', 'Y', 'Y', 'Y', 'Y', '2025-01-01'],
    ]);
  });

  it('derives the stratum from screening SLEDAI-2K and baseline SLEDAI-2K, PGA, SDI from their rules', () => {
    const [s1, s2, s3] = adslOf({ kind: 'blinded' });
    expect(s1).toMatchObject({ SCRSLED: 12, STRATUM: '>=10', BASESLED: 8, BASEPGA: 1.75, BASESDI: 2 });
    expect(s2).toMatchObject({ SCRSLED: null, STRATUM: null, BASESLED: null, BASESDI: null });
    expect(s3).toMatchObject({ SCRSLED: 9, STRATUM: '<10', BASESLED: 9 });
  });

  it('takes the Day 0 steroid dose and use flag (none for a subject never infused)', () => {
    const [s1, s2, s3] = adslOf({ kind: 'blinded' });
    expect([s1?.CSDOSE0, s1?.CSUSE0FL, s2?.CSDOSE0, s2?.CSUSE0FL, s3?.CSDOSE0, s3?.CSUSE0FL]).toEqual([
      7.5,
      'Y',
      null,
      null,
      0,
      'N',
    ]);
  });

  it('takes the infused volume EXVOL of the EXOCCUR = Y row (none when not infused or not recorded)', () => {
    const l = lock();
    const withVolume = { ...l, ex: [{ ...ex('S1'), EXVOL: 95 }, { ...ex('S2', 'N'), EXVOL: 100 }, ex('S3')] };
    const inputs = {
      sledai: deriveSledai(l, s),
      pga: derivePga(l, s),
      sdi: deriveSdi(l, s),
      steroidProfiles: deriveSteroidDoses(l, s).profiles,
    };
    expect(deriveAdsl(withVolume, { kind: 'blinded' }, inputs, s).map((r) => r.EXVOL)).toEqual([95, null, null]);
  });

  it('derives completion and discontinuation from the disposition event', () => {
    const a = adslOf({ kind: 'blinded' });
    expect(a.map((r) => [r.EOSSTT, r.DCSREAS, r.EOSDT])).toEqual([
      ['DISCONTINUED', 'ADVERSE EVENT', onDay(200)],
      ['ONGOING', null, null],
      ['COMPLETED', null, onDay(366)],
    ]);
  });

  it('blinded: no arm or randomized stratum in the records, BLINDED in every arm column of the dataset', () => {
    const a = adslOf({ kind: 'blinded' });
    expect(a.every((r) => r.ARMCD === null && r.ACTARMCD === null && r.RANDSTR === null && r.STRATDFL === null)).toBe(
      true,
    );
    const d = toAdslDataset(a, true, s);
    for (const row of d.rows) {
      expect([row['ARMCD'], row['ARM'], row['ACTARMCD'], row['ACTARM']]).toEqual([
        'BLINDED',
        'BLINDED',
        'BLINDED',
        'BLINDED',
      ]);
      expect([row['TRT01P'], row['TRT01PN'], row['TRT01A'], row['TRT01AN']]).toEqual([null, null, null, null]);
    }
    // Nor does the metadata the run writes refer to a codelist of arms.
    expect(
      d.meta.variables.filter(
        (v) => v.codelist !== undefined && ['CL.ARMCD', 'CL.TRT', 'CL.TRTN'].includes(v.codelist),
      ),
    ).toEqual([]);
    const text = JSON.stringify(d.rows);
    for (const arm of s.arms) {
      expect(text).not.toContain(arm.code);
      expect(text).not.toContain(arm.name);
    }
  });

  it('refuses to write a record with an arm as blinded', () => {
    expect(() => toAdslDataset(adslOf(unblinded), true, s)).toThrow(/blinded run/);
  });

  it('unblinded: arms from the randomization (ACTARMCD only when infused), stratum mismatch flagged', () => {
    const a = adslOf(unblinded);
    expect(a.map((r) => [r.ARMCD, r.ARM, r.ACTARMCD, r.ACTARM, r.STRATUM, r.RANDSTR, r.STRATDFL])).toEqual([
      ['MSC5E6', 'MSC 5x10^6 cells/kg', 'MSC5E6', 'MSC 5x10^6 cells/kg', '>=10', '<10', 'Y'],
      ['PBO', 'Placebo', null, null, null, '>=10', null],
      ['MSC1E6', 'MSC 1x10^6 cells/kg', 'MSC1E6', 'MSC 1x10^6 cells/kg', '<10', '<10', 'N'],
    ]);
    const d = toAdslDataset(a, false, s);
    expect(d.rows[1]).toMatchObject({
      ARMCD: 'PBO',
      ACTARMCD: null,
      RANDSTR: '>=10',
      TRT01P: 'Placebo',
      TRT01PN: 1,
      TRT01A: null,
      TRT01AN: null,
    });
    expect(d.rows[0]).toMatchObject({
      TRT01P: 'MSC 5x10^6 cells/kg',
      TRT01PN: 3,
      TRT01A: 'MSC 5x10^6 cells/kg',
      TRT01AN: 3,
      ENRLFL: 'Y',
    });
    expect(d.meta.variables.find((v) => v.name === 'TRT01P')?.codelist).toBe('CL.TRT');
    expect(d.columns).toContain('STRATDFL');
  });
});

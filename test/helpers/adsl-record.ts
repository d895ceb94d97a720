/**
 * A complete ADSL record for hand-worked analysis tests: every field has a valid default (an infused,
 * randomized FAS/SAF subject who completed), so a test states only what matters to it.
 */
import type { AdslRecord } from '../../src/derive/adsl.js';

export function adslRecord(USUBJID: string, over: Partial<AdslRecord> = {}): AdslRecord {
  return {
    STUDYID: 'SLEMSC01',
    USUBJID,
    SUBJID: USUBJID.slice(-3),
    SITEID: '101',
    AGE: 40,
    AGEU: 'YEARS',
    SEX: 'F',
    RACE: 'WHITE',
    ETHNIC: 'NOT HISPANIC OR LATINO',
    COUNTRY: 'USA',
    WEIGHTBL: 70,
    ENRFL: 'Y',
    RANDFL: 'Y',
    RANDDT: '2025-01-01',
    INFFL: 'Y',
    FASFL: 'Y',
    SAFFL: 'Y',
    ARMCD: 'PBO',
    ARM: 'Placebo',
    ACTARMCD: 'PBO',
    ACTARM: 'Placebo',
    TRTSDT: '2025-01-05',
    RFENDTC: '2026-01-04',
    SCRSLED: 8,
    STRATUM: '<10',
    RANDSTR: '<10',
    STRATDFL: 'N',
    EOSSTT: 'COMPLETED',
    DCSREAS: null,
    EOSDT: '2026-01-04',
    BASESLED: 8,
    BASEPGA: 1,
    BASESDI: 0,
    CSDOSE0: 0,
    CSUSE0FL: 'N',
    EXVOL: 100,
    ...over,
  };
}

/** The same record as a blinded run holds it: no arm, no randomized stratum. */
export function blind(r: AdslRecord): AdslRecord {
  return { ...r, ARMCD: null, ARM: null, ACTARMCD: null, ACTARM: null, RANDSTR: null, STRATDFL: null };
}

/**
 * ADSL: one record per DM subject — populations, arms, dates, demographics, stratum, disposition and
 * the baseline values the baseline tables need (synopsis §2, §3, §5; dts/randomization.md).
 *
 * Blinding: the arms come only from an `Unblinding` with rows. In a blinded run every record's arm
 * fields are null and the dataset keeps the same columns with every arm value `BLINDED` (as in the
 * locked DM) and TRT01P/TRT01A missing, so the layout does not depend on unblinding and no value can
 * reveal an arm.
 */
import type { IsoDate } from '../core/dates.js';
import type { ArmCode, ExRow, Lock, RandomizationRow, Unblinding } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import { ADSL_META } from './metadata/adsl.js';
import { armNumber, metaForRun } from './metadata/codelists.js';
import { computeEndOfStudy, computeRandomizationDate, type EndOfStudyStatus } from './disposition.js';
import { groupBySubject } from './group.js';
import type { PgaRecord } from './pga.js';
import type { SdiRecord } from './sdi.js';
import type { SledaiRecord } from './sledai.js';
import { doseOnDay, type SteroidDoseProfile } from './steroid-profile.js';

/** Screening SLEDAI-2K category (`<10` / `>=10`); null when the total is missing. */
export function computeStratum(screeningSledai: number | null, settings: SapSettings): string | null {
  if (screeningSledai === null) return null;
  return screeningSledai < settings.stratum.cut ? settings.stratum.below : settings.stratum.atOrAbove;
}

/**
 * `Y` when the derived and the randomized strata differ, `N` when they agree, null when either is
 * missing (blinded run, or no screening total).
 */
export function computeStratumMismatch(derived: string | null, randomized: string | null): 'Y' | 'N' | null {
  if (derived === null || randomized === null) return null;
  return derived === randomized ? 'N' : 'Y';
}

export interface AdslRecord {
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly SUBJID: string;
  readonly SITEID: string;
  readonly AGE: number;
  readonly AGEU: string;
  readonly SEX: string;
  readonly RACE: string;
  readonly ETHNIC: string;
  readonly COUNTRY: string;
  readonly WEIGHTBL: number | null;
  readonly ENRFL: 'Y';
  readonly RANDFL: 'Y' | 'N';
  readonly RANDDT: IsoDate | null;
  readonly INFFL: 'Y' | 'N';
  /** Randomized and infused. */
  readonly FASFL: 'Y' | 'N';
  /** Infused. */
  readonly SAFFL: 'Y' | 'N';
  /** Randomized arm; null in a blinded run. */
  readonly ARMCD: ArmCode | null;
  readonly ARM: string | null;
  /** Arm infused; null in a blinded run or when not infused. */
  readonly ACTARMCD: ArmCode | null;
  readonly ACTARM: string | null;
  /** RFSTDTC (Day 0). */
  readonly TRTSDT: IsoDate | null;
  readonly RFENDTC: IsoDate | null;
  /** SLEDAI-2K total at screening. */
  readonly SCRSLED: number | null;
  /** Stratum derived from SCRSLED (every run). */
  readonly STRATUM: string | null;
  /** STRATUM of the randomization file (unblinded runs). */
  readonly RANDSTR: string | null;
  /** `Y` where STRATUM and RANDSTR disagree (the caller warns: a protocol deviation). */
  readonly STRATDFL: 'Y' | 'N' | null;
  readonly EOSSTT: EndOfStudyStatus;
  readonly DCSREAS: string | null;
  readonly EOSDT: IsoDate | null;
  readonly BASESLED: number | null;
  readonly BASEPGA: number | null;
  readonly BASESDI: number | null;
  /** Prednisone-equivalent dose on Day 0 (mg/day, rounded as the SAP compares); null if not infused. */
  readonly CSDOSE0: number | null;
  readonly CSUSE0FL: 'Y' | 'N' | null;
  /** Infused volume (mL) of the EXOCCUR = Y row (SAP §7.4); null if not infused or not recorded. */
  readonly EXVOL: number | null;
}

/** The infusion (the EX row with EXOCCUR = Y; at most one per subject, dts/domains.md) by subject. */
export function computeInfusions(ex: readonly ExRow[], settings: SapSettings): ReadonlyMap<string, ExRow> {
  return new Map(ex.filter((r) => r.EXOCCUR === settings.exposure.infusedValue).map((r) => [r.USUBJID, r]));
}

export interface AdslInputs {
  readonly sledai: readonly SledaiRecord[];
  readonly pga: readonly PgaRecord[];
  readonly sdi: readonly SdiRecord[];
  readonly steroidProfiles: ReadonlyMap<string, SteroidDoseProfile>;
}

function baselineValue(
  rows: readonly { readonly ABLFL: 'Y' | null; readonly AVAL: number | null }[] | undefined,
): number | null {
  return rows?.find((r) => r.ABLFL === 'Y')?.AVAL ?? null;
}

export function deriveAdsl(
  lock: Pick<Lock, 'dm' | 'ds' | 'ex'>,
  unblinding: Unblinding,
  inputs: AdslInputs,
  settings: SapSettings,
): AdslRecord[] {
  const ds = groupBySubject(lock.ds);
  const infusions = computeInfusions(lock.ex, settings);
  const randomization = new Map<string, RandomizationRow>(
    unblinding.kind === 'blinded' ? [] : unblinding.rows.map((r) => [r.USUBJID, r]),
  );
  const armName = (c: ArmCode | null): string | null =>
    c === null ? null : (settings.arms.find((a) => a.code === c)?.name ?? null);
  const sledai = groupBySubject(inputs.sledai);
  const pga = groupBySubject(inputs.pga);
  const sdi = groupBySubject(inputs.sdi);

  return lock.dm.map((dm) => {
    const subjectDs = ds.get(dm.USUBJID) ?? [];
    const RANDDT = computeRandomizationDate(subjectDs, settings);
    const isInfused = infusions.has(dm.USUBJID);
    const rand = randomization.get(dm.USUBJID) ?? null;
    const SCRSLED = sledai.get(dm.USUBJID)?.find((r) => r.VISITNUM === settings.screeningVisitnum)?.AVAL ?? null;
    const STRATUM = computeStratum(SCRSLED, settings);
    const RANDSTR = rand?.STRATUM ?? null;
    const profile = inputs.steroidProfiles.get(dm.USUBJID);
    const CSDOSE0 = profile ? doseOnDay(profile, 0) : null;
    const ARMCD = rand?.ARMCD ?? null;
    const ACTARMCD = isInfused ? (rand?.ACTARMCD ?? null) : null;
    return {
      STUDYID: dm.STUDYID,
      USUBJID: dm.USUBJID,
      SUBJID: dm.SUBJID,
      SITEID: dm.SITEID,
      AGE: dm.AGE,
      AGEU: dm.AGEU,
      SEX: dm.SEX,
      RACE: dm.RACE,
      ETHNIC: dm.ETHNIC,
      COUNTRY: dm.COUNTRY,
      WEIGHTBL: dm.WEIGHTBL,
      ENRFL: 'Y',
      RANDFL: RANDDT !== null ? 'Y' : 'N',
      RANDDT,
      INFFL: isInfused ? 'Y' : 'N',
      FASFL: RANDDT !== null && isInfused ? 'Y' : 'N',
      SAFFL: isInfused ? 'Y' : 'N',
      ARMCD,
      ARM: armName(ARMCD),
      ACTARMCD,
      ACTARM: armName(ACTARMCD),
      TRTSDT: dm.RFSTDTC,
      RFENDTC: dm.RFENDTC,
      SCRSLED,
      STRATUM,
      RANDSTR,
      STRATDFL: computeStratumMismatch(STRATUM, RANDSTR),
      ...computeEndOfStudy(subjectDs, settings),
      BASESLED: baselineValue(sledai.get(dm.USUBJID)),
      BASEPGA: baselineValue(pga.get(dm.USUBJID)),
      BASESDI: baselineValue(sdi.get(dm.USUBJID)),
      CSDOSE0,
      CSUSE0FL: CSDOSE0 === null ? null : CSDOSE0 > 0 ? 'Y' : 'N',
      EXVOL: infusions.get(dm.USUBJID)?.EXVOL ?? null,
    };
  });
}

/**
 * `adsl`. With `blinded` every arm column holds the settings' blinded value and the treatment
 * variables are missing; a record carrying an arm in a blinded run is a bug and throws rather than
 * leak it.
 */
export function toAdslDataset(records: readonly AdslRecord[], blinded: boolean, settings: SapSettings): AdamDataset {
  const hidden = settings.blindedValue;
  const meta = metaForRun(ADSL_META, blinded);
  return makeDataset(meta, records, (r) => {
    if (blinded && (r.ARMCD !== null || r.ACTARMCD !== null || r.RANDSTR !== null)) {
      throw new Error(`adsl: subject ${r.USUBJID} carries randomization data in a blinded run`);
    }
    return {
      ENRLFL: r.ENRFL,
      ARMCD: blinded ? hidden : r.ARMCD,
      ARM: blinded ? hidden : r.ARM,
      ACTARMCD: blinded ? hidden : r.ACTARMCD,
      ACTARM: blinded ? hidden : r.ACTARM,
      TRT01P: r.ARM,
      TRT01PN: r.ARMCD === null ? null : armNumber(r.ARMCD, settings),
      TRT01A: r.ACTARM,
      TRT01AN: r.ACTARMCD === null ? null : armNumber(r.ACTARMCD, settings),
      TRTEDT: r.TRTSDT,
    };
  });
}

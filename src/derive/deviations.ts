/**
 * Protocol deviations derived from the data (SAP §7.4; synopsis §5.5, §6), one record per ENR subject,
 * unblinded runs only (two of the three need the randomization file):
 *  - STRATUM: the randomization file's STRATUM differs from the screening-SLEDAI-2K stratum, or that
 *    stratum is missing (no screening total: the subject could not have been stratified correctly);
 *  - ARM: infused, with the arm infused (ACTARMCD) not the arm randomized (ARMCD);
 *  - NOTINFUSED: never infused (no EX row with EXOCCUR = Y);
 *  - ANY: any of the three.
 * The records keep the values behind each flag, so the stratum disagreement the run warns about
 * (SAP §4.12) is also data of the output (`addv`, the deviation listing).
 */
import type { ArmCode } from '../lock/types.js';
import type { AdslRecord } from './adsl.js';
import { makeDataset, type AdamDataset } from './dataset.js';

type Flag = 'Y' | 'N';
const flag = (b: boolean): Flag => (b ? 'Y' : 'N');

/** STRATUM deviation: randomized with a stratum other than the derived one, or none derivable. */
export function computeStratumDeviation(derived: string | null, randomized: string): boolean {
  return derived === null || derived !== randomized;
}

/** ARM deviation: infused with another arm's product. */
export function computeArmDeviation(infused: boolean, armcd: ArmCode, actarmcd: ArmCode | null): boolean {
  return infused && actarmcd !== armcd;
}

export interface DeviationRecord {
  readonly USUBJID: string;
  readonly ARMCD: ArmCode;
  readonly ACTARMCD: ArmCode | null;
  readonly INFFL: Flag;
  readonly SCRSLED: number | null;
  /** Stratum from screening SLEDAI-2K (null: no screening total). */
  readonly STRATUM: string | null;
  /** Stratum of the randomization file. */
  readonly RANDSTR: string;
  readonly DVSTRFL: Flag;
  readonly DVARMFL: Flag;
  readonly DVNINFFL: Flag;
  readonly DVANYFL: Flag;
}

/**
 * One record per ENR subject (ADSL order); [] in a blinded run, where no subject has a randomization
 * row. A subject of an unblinded run always has one (dts/randomization.md).
 */
export function deriveDeviations(adsl: readonly AdslRecord[]): DeviationRecord[] {
  const out: DeviationRecord[] = [];
  for (const s of adsl) {
    if (s.ENRFL !== 'Y' || s.ARMCD === null || s.RANDSTR === null) continue;
    const infused = s.INFFL === 'Y';
    const stratum = computeStratumDeviation(s.STRATUM, s.RANDSTR);
    const arm = computeArmDeviation(infused, s.ARMCD, s.ACTARMCD);
    out.push({
      USUBJID: s.USUBJID,
      ARMCD: s.ARMCD,
      ACTARMCD: s.ACTARMCD,
      INFFL: s.INFFL,
      SCRSLED: s.SCRSLED,
      STRATUM: s.STRATUM,
      RANDSTR: s.RANDSTR,
      DVSTRFL: flag(stratum),
      DVARMFL: flag(arm),
      DVNINFFL: flag(!infused),
      DVANYFL: flag(stratum || arm || !infused),
    });
  }
  return out;
}

export const ADDV_COLUMNS = [
  'USUBJID', 'ARMCD', 'ACTARMCD', 'INFFL', 'SCRSLED', 'STRATUM', 'RANDSTR', 'DVSTRFL', 'DVARMFL', 'DVNINFFL', 'DVANYFL',
] as const;

/** `addv` (unblinded runs): the derived deviation flags of every ENR subject. */
export function toDeviationDataset(records: readonly DeviationRecord[]): AdamDataset {
  return makeDataset('addv', ADDV_COLUMNS, records);
}

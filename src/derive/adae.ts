/**
 * ADAE: one record per AE row of the lock with its treatment emergence (teae.ts) and the attribute
 * flags the safety summaries count (SAP §7.2; synopsis §5.3). Day 0 comes from ADSL (TRTSDT =
 * RFSTDTC). No arm is carried: the analyses join on ADSL, so this dataset is the same in blinded and
 * unblinded runs.
 *
 * Flags are `Y`/`N` on every record, whatever its treatment emergence: the summaries count TEAEs only
 * (`TRTEMFL` = `Y`), and the flags say what kind of AE it is.
 */
import { parsePartialDate, protocolDay, type IsoDate } from '../core/dates.js';
import type { AeRow, Lock, SourceRef } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import type { AdslRecord } from './adsl.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADAE_META } from './metadata/adae.js';
import { computeTreatmentEmergent } from './teae.js';
import { severityRank } from './teae-severity.js';

type YN = 'Y' | 'N';

export interface AdaeRecord {
  readonly USUBJID: string;
  readonly AESEQ: number;
  readonly AETERM: string;
  readonly AEDECOD: string;
  readonly AEBODSYS: string;
  /** As collected, possibly partial. */
  readonly AESTDTC: string;
  readonly AEENDTC: string | null;
  /** Day 0 of the subject (ADSL TRTSDT); null if never infused. */
  readonly TRTSDT: IsoDate | null;
  /** Protocol day of a full start date; null for a partial date or a subject never infused. */
  readonly ASTDY: number | null;
  readonly AESER: YN;
  readonly AESEV: string;
  /** 1 = mildest, in the settings' order of severities. */
  readonly AESEVN: number;
  readonly AEREL: string;
  readonly AEOUT: string | null;
  readonly AEACN: string | null;
  /** Treatment-emergent; null for a subject never infused. */
  readonly TRTEMFL: YN | null;
  /** Serious (AESER = Y). */
  readonly AESERFL: YN;
  /** Related or possibly related. */
  readonly AERELFL: YN;
  /** Severity SEVERE. */
  readonly AESEVFL: YN;
  /** Led to withdrawal from the study (AEACN). */
  readonly AEDISCFL: YN;
  /** Fatal outcome (AEOUT). */
  readonly AEDTHFL: YN;
  readonly src: SourceRef;
}

const yn = (b: boolean): YN => (b ? 'Y' : 'N');

/** Protocol day of a full ISO start date; null for a partial date or no Day 0. */
function startDay(aestdtc: string, day0: IsoDate | null): number | null {
  const p = parsePartialDate(aestdtc);
  if (day0 === null || p?.day === undefined) return null;
  return protocolDay(aestdtc, day0);
}

/** One ADAE record from its AE row and the subject's Day 0. */
export function computeAdaeRecord(ae: AeRow, day0: IsoDate | null, settings: SapSettings): AdaeRecord {
  const s = settings.safety;
  return {
    USUBJID: ae.USUBJID,
    AESEQ: ae.AESEQ,
    AETERM: ae.AETERM,
    AEDECOD: ae.AEDECOD,
    AEBODSYS: ae.AEBODSYS,
    AESTDTC: ae.AESTDTC,
    AEENDTC: ae.AEENDTC,
    TRTSDT: day0,
    ASTDY: startDay(ae.AESTDTC, day0),
    AESER: ae.AESER,
    AESEV: ae.AESEV,
    AESEVN: severityRank(ae.AESEV, s.severities) + 1,
    AEREL: ae.AEREL,
    AEOUT: ae.AEOUT,
    AEACN: ae.AEACN,
    TRTEMFL: computeTreatmentEmergent(ae.AESTDTC, day0),
    AESERFL: yn(ae.AESER === s.seriousValue),
    AERELFL: yn(s.relatedValues.includes(ae.AEREL)),
    AESEVFL: yn(ae.AESEV === s.severeValue),
    AEDISCFL: yn(ae.AEACN === s.withdrawnAction),
    AEDTHFL: yn(ae.AEOUT === s.fatalOutcome),
    src: ae.src,
  };
}

/** ADAE records in lock order; a subject absent from ADSL (impossible after validation) throws. */
export function deriveAdae(
  lock: Pick<Lock, 'ae'>,
  adsl: readonly Pick<AdslRecord, 'USUBJID' | 'TRTSDT'>[],
  settings: SapSettings,
): AdaeRecord[] {
  const day0 = new Map(adsl.map((s) => [s.USUBJID, s.TRTSDT]));
  return lock.ae.map((ae) => {
    const d = day0.get(ae.USUBJID);
    if (d === undefined) throw new Error(`AE of ${ae.USUBJID}, who is not in ADSL`);
    return computeAdaeRecord(ae, d, settings);
  });
}

export function toAdaeDataset(records: readonly AdaeRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(ADAE_META, records, undefined, context);
}

/**
 * End-of-study status from DS (dts/domains.md: at most one DISPOSITION EVENT per subject, none while
 * still in the study) and the randomization milestone.
 */
import { dayNumber, type IsoDate } from '../core/dates.js';
import type { DsRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';

export type EndOfStudyStatus = 'COMPLETED' | 'DISCONTINUED' | 'ONGOING';

export interface EndOfStudy {
  readonly EOSSTT: EndOfStudyStatus;
  /** DSDECOD of a discontinuation; null otherwise. */
  readonly DCSREAS: string | null;
  /** Date of the disposition event; null while ongoing. */
  readonly EOSDT: IsoDate | null;
}

/** One subject's end-of-study status from its DS rows. */
export function computeEndOfStudy(ds: readonly DsRow[], settings: SapSettings): EndOfStudy {
  const d = settings.disposition;
  const event = ds.find((r) => r.DSCAT === d.eventCategory);
  if (!event) return { EOSSTT: 'ONGOING', DCSREAS: null, EOSDT: null };
  return event.DSDECOD === d.completed
    ? { EOSSTT: 'COMPLETED', DCSREAS: null, EOSDT: event.DSSTDTC }
    : { EOSSTT: 'DISCONTINUED', DCSREAS: event.DSDECOD, EOSDT: event.DSSTDTC };
}

/** Withdrawn before `date`: a disposition event other than COMPLETED dated strictly before it. */
export function isWithdrawnBefore(eos: EndOfStudy, date: IsoDate): boolean {
  return eos.EOSSTT === 'DISCONTINUED' && eos.EOSDT !== null && dayNumber(eos.EOSDT) < dayNumber(date);
}

/** Date of the RANDOMIZED milestone, or null. */
export function computeRandomizationDate(ds: readonly DsRow[], settings: SapSettings): IsoDate | null {
  const d = settings.disposition;
  return ds.find((r) => r.DSCAT === d.milestoneCategory && r.DSDECOD === d.randomized)?.DSSTDTC ?? null;
}

/**
 * Medication at Day 0 (SAP §7.4; synopsis §5.5): a CM row is taken at Day 0 when its start ≤ Day 0 ≤
 * its end. Partial dates are the widest reading of the period: a start at the first day of its month or
 * year, an end at the last day; an empty end (ONGOING) never ends. Unlike the steroid dose (SAP §5.3)
 * there is no RFENDTC cap: it could only move an end that is already after Day 0. A subject without
 * Day 0 (never infused) has no flag.
 */
import { dayNumber, earliestDay, latestDay, parsePartialDate } from '../core/dates.js';
import type { CmRow } from '../lock/types.js';
import type { AdslRecord } from './adsl.js';
import { makeDataset, type AdamDataset } from './dataset.js';

/** Whether a CM row (start, end as in the lock) covers protocol Day 0 (`day0`: a day number). */
export function computeTakenAtDay0(cm: Pick<CmRow, 'CMSTDTC' | 'CMENDTC'>, day0: number): boolean {
  const start = parsePartialDate(cm.CMSTDTC);
  if (!start) throw new Error(`CMSTDTC ${cm.CMSTDTC} is not a (partial) date`);
  if (earliestDay(start) > day0) return false;
  if (cm.CMENDTC === null) return true;
  const end = parsePartialDate(cm.CMENDTC);
  if (!end) throw new Error(`CMENDTC ${cm.CMENDTC} is not a (partial) date`);
  return latestDay(end) >= day0;
}

export interface ConmedRecord {
  readonly USUBJID: string;
  readonly CMSEQ: number;
  readonly CMCAT: string;
  readonly CMDECOD: string;
  readonly CMSTDTC: string;
  readonly CMENDTC: string | null;
  /** Protocol days of the imputed start and end (end null: ongoing; both null without Day 0). */
  readonly ASTDY: number | null;
  readonly AENDY: number | null;
  /** `Y` taken at Day 0, `N` not; null for a subject never infused (no Day 0). */
  readonly D0FL: 'Y' | 'N' | null;
}

function protocolDayOf(date: string | null, day0: number | null, pick: 'start' | 'end'): number | null {
  if (date === null || day0 === null) return null;
  const p = parsePartialDate(date);
  if (!p) throw new Error(`CM date ${date} is not a (partial) date`);
  return (pick === 'start' ? earliestDay(p) : latestDay(p)) - day0;
}

/** Every CM row, in lock order, with its Day 0 flag. */
export function deriveConmedAtDay0(cm: readonly CmRow[], adsl: readonly AdslRecord[]): ConmedRecord[] {
  const day0Of = new Map(adsl.map((s) => [s.USUBJID, s.TRTSDT === null ? null : dayNumber(s.TRTSDT)]));
  return cm.map((r) => {
    const day0 = day0Of.get(r.USUBJID) ?? null;
    return {
      USUBJID: r.USUBJID,
      CMSEQ: r.CMSEQ,
      CMCAT: r.CMCAT,
      CMDECOD: r.CMDECOD,
      CMSTDTC: r.CMSTDTC,
      CMENDTC: r.CMENDTC,
      ASTDY: protocolDayOf(r.CMSTDTC, day0, 'start'),
      AENDY: protocolDayOf(r.CMENDTC, day0, 'end'),
      D0FL: day0 === null ? null : computeTakenAtDay0(r, day0) ? 'Y' : 'N',
    };
  });
}

export const ADCMD0_COLUMNS = ['USUBJID', 'CMSEQ', 'CMCAT', 'CMDECOD', 'CMSTDTC', 'CMENDTC', 'ASTDY', 'AENDY', 'D0FL'] as const;

/** `adcmd0`: every CM record with the imputed protocol days and the medication-at-Day-0 flag. */
export function toConmedDataset(records: readonly ConmedRecord[]): AdamDataset {
  return makeDataset('adcmd0', ADCMD0_COLUMNS, records);
}

/**
 * Prednisone-equivalent daily dose, the arithmetic (synopsis §4): systemic corticosteroids only
 * (CMCAT CORTICOSTEROID, route ORAL/INTRAVENOUS/INTRAMUSCULAR); dose per day = CMDOSE × factor ×
 * administrations per day; a record is active from its start to its end inclusive (ONCE: its start
 * day only; ONGOING, i.e. no end: to RFENDTC); partial start → first possible day, partial end → last
 * possible day but never after RFENDTC; overlapping records add up; doses are compared after
 * rounding to 9 decimals (so that 70 mg QW is exactly 10 mg/day).
 */
import { earliestDay, latestDay, parsePartialDate, type PartialDate } from '../core/dates.js';
import type { CmRow } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';

export function isSystemicCorticosteroid(cm: Pick<CmRow, 'CMCAT' | 'CMROUTE'>, settings: SapSettings): boolean {
  return cm.CMCAT === settings.steroids.cmcat && settings.steroids.systemicRoutes.includes(cm.CMROUTE);
}

export type DoseFrequency =
  { readonly kind: 'rate'; readonly administrations: number; readonly days: number } | { readonly kind: 'once' };

/**
 * mg prednisone per active day: dose × factor × administrations ÷ days (ONCE: dose × factor on its
 * one day). Dividing last keeps whole-day cases exact (70 × 1 × 1 ÷ 7 = 10).
 */
export function computePrednisoneEquivalentDose(dose: number, factor: number, frequency: DoseFrequency): number {
  return frequency.kind === 'once' ? dose * factor : (dose * factor * frequency.administrations) / frequency.days;
}

/** Half away from zero at `decimals` places (the SAP's comparison rounding, SAS ROUND). */
export function roundDose(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

/** admiral's date imputation flag: `M` month and day imputed, `D` day imputed, null none. */
export type ImputationFlag = 'M' | 'D' | null;

function imputationFlag(p: PartialDate): ImputationFlag {
  if (p.month === undefined) return 'M';
  return p.day === undefined ? 'D' : null;
}

export interface ActiveInterval {
  /** First active day (day number since 1970-01-01). */
  readonly start: number;
  readonly startFlag: ImputationFlag;
  /** Last active day; null when open-ended (ONGOING for a subject without RFENDTC). */
  readonly end: number | null;
  readonly endFlag: ImputationFlag;
  /** True when the end was set by RFENDTC (ONGOING, or a partial end capped at RFENDTC). */
  readonly endFromRfend: boolean;
}

/**
 * The days a CM record is active, or null when it is active on no day (end before start). `rfend`
 * is RFENDTC as a day number (null when the subject has none).
 */
export function computeActiveInterval(
  cm: Pick<CmRow, 'CMSTDTC' | 'CMENDTC'>,
  once: boolean,
  rfend: number | null,
): ActiveInterval | null {
  const startDate = parsePartialDate(cm.CMSTDTC);
  if (!startDate) throw new Error(`CMSTDTC ${cm.CMSTDTC} is not a (partial) date`);
  const start = earliestDay(startDate);
  const startFlag = imputationFlag(startDate);
  if (once) return { start, startFlag, end: start, endFlag: null, endFromRfend: false };
  if (cm.CMENDTC === null) return { start, startFlag, end: rfend, endFlag: null, endFromRfend: rfend !== null };
  const endDate = parsePartialDate(cm.CMENDTC);
  if (!endDate) throw new Error(`CMENDTC ${cm.CMENDTC} is not a (partial) date`);
  const endFlag = imputationFlag(endDate);
  let end = latestDay(endDate);
  let endFromRfend = false;
  if (endFlag !== null && rfend !== null && end > rfend) {
    end = rfend;
    endFromRfend = true;
  }
  return end < start ? null : { start, startFlag, end, endFlag, endFromRfend };
}

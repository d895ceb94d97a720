/**
 * Corticosteroid sparing and cumulative dose (synopsis §4 "Steroid sparing", "Cumulative dose"; SAP
 * §5.8), from each infused subject's daily prednisone-equivalent profile (`steroid-profile.ts`, doses
 * already rounded to 9 decimals so that "= 0" and "> 0" are exact comparisons):
 * - end of follow-up E = min(day 364, RFENDTC's day);
 * - on steroids at Day 0: dose > 0 on day 0 (the discontinuation population);
 * - discontinuation day t = the first day t ≥ 1 from which the dose stays 0 through E, counted only
 *   if E − t + 1 ≥ 28 (at least 28 days of follow-up from t, t included); time to discontinuation:
 *   event at t, otherwise censored at E;
 * - cumulative dose = Σ of the daily doses from day 0 to E.
 *
 * Worked examples (SAP §5.8): 0 from day 337 with E = 364 → t = 337 (28 days: discontinued); 0 from
 * day 338 → 27 days: not discontinued, censored at 364; 0 on days 100–180, restarted 181–200, 0 from
 * 201 → t = 201.
 */
import { dayNumber, fromDayNumber, type IsoDate } from '../core/dates.js';
import { accurateSum } from '../numerics/descriptive/accurate-sum.js';
import type { SapSettings } from '../sap/index.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADCSSPAR_META } from './metadata/steroids.js';
import type { TteRecord } from './flares-tte.js';
import { doseOnDay, type SteroidDoseProfile } from './steroid-profile.js';

/** E = min(`followUpEndDay`, the profile's last day, which is RFENDTC's day). */
export function computeFollowUpEnd(profile: SteroidDoseProfile, followUpEndDay: number): number {
  return Math.min(followUpEndDay, profile.lastDay);
}

function dose(profile: SteroidDoseProfile, day: number): number {
  const d = doseOnDay(profile, day);
  // Days 0…E always lie inside a profile (it starts before Day 0 and ends at RFENDTC's day ≥ E).
  if (d === null) throw new Error(`${profile.USUBJID}: no dose on day ${day}, outside the profile`);
  return d;
}

export interface SteroidDiscontinuation {
  /** Last day of 0…E with a dose > 0; null when there is none. */
  readonly lastDoseDay: number | null;
  /** t: the first day ≥ 1 from which the dose stays 0 through E; null when the dose is > 0 on day E. */
  readonly stopDay: number | null;
  /** E − t + 1: days of follow-up off steroids from t, t included; 0 when `stopDay` is null. */
  readonly daysOff: number;
  /** `stopDay` exists and `daysOff` ≥ the minimum. */
  readonly discontinued: boolean;
  /** Time to discontinuation: t when discontinued, else E (censored). */
  readonly time: number;
}

/** Discontinuation of one subject's steroids over days 0…`end` (module comment). */
export function computeSteroidDiscontinuation(
  profile: SteroidDoseProfile,
  end: number,
  minDaysOff: number,
): SteroidDiscontinuation {
  let lastDoseDay: number | null = null;
  for (let d = end; d >= 0; d--) {
    if (dose(profile, d) > 0) {
      lastDoseDay = d;
      break;
    }
  }
  const t = Math.max(1, (lastDoseDay ?? 0) + 1);
  const stopDay = t <= end ? t : null;
  const daysOff = stopDay === null ? 0 : end - stopDay + 1;
  const discontinued = stopDay !== null && daysOff >= minDaysOff;
  return { lastDoseDay, stopDay, daysOff, discontinued, time: discontinued ? (stopDay as number) : end };
}

/** Σ of the daily doses over days 0…`end` (mg prednisone equivalent). */
export function computeCumulativeDose(profile: SteroidDoseProfile, end: number): number {
  const doses: number[] = [];
  for (let d = 0; d <= end; d++) doses.push(dose(profile, d));
  return accurateSum(doses);
}

export interface SteroidSparingRecord {
  readonly USUBJID: string;
  /** Dose on Day 0 (mg/day). */
  readonly CSDOSE0: number;
  readonly CSUSE0FL: 'Y' | 'N';
  /** E, the last day of follow-up for these endpoints. */
  readonly FUENDDY: number;
  readonly CSLASTDY: number | null;
  readonly CSSTOPDY: number | null;
  readonly CSOFFDUR: number;
  /** Discontinued (`Y`/`N`) among subjects on steroids at Day 0; null for the others. */
  readonly CSDISCFL: 'Y' | 'N' | null;
  /** Time to discontinuation (days) and its censoring (ADaM CNSR: 1 censored, 0 event); null off steroids at Day 0. */
  readonly TTDISCDY: number | null;
  readonly TTDISCCN: 0 | 1 | null;
  /** Cumulative dose over days 0…E (mg). */
  readonly CSCUM: number;
}

/** Sparing and cumulative dose of every subject with a profile (every infused subject), in profile order. */
export function deriveSteroidSparing(
  profiles: ReadonlyMap<string, SteroidDoseProfile>,
  settings: SapSettings,
): SteroidSparingRecord[] {
  const { followUpEndDay, steroidDiscontinuationMinDays } = settings.analysis;
  return [...profiles.values()].map((profile) => {
    const end = computeFollowUpEnd(profile, followUpEndDay);
    const CSDOSE0 = dose(profile, 0);
    const onSteroids = CSDOSE0 > 0;
    const disc = computeSteroidDiscontinuation(profile, end, steroidDiscontinuationMinDays);
    return {
      USUBJID: profile.USUBJID,
      CSDOSE0,
      CSUSE0FL: onSteroids ? 'Y' : 'N',
      FUENDDY: end,
      CSLASTDY: disc.lastDoseDay,
      CSSTOPDY: disc.stopDay,
      CSOFFDUR: disc.daysOff,
      CSDISCFL: onSteroids ? (disc.discontinued ? 'Y' : 'N') : null,
      TTDISCDY: onSteroids ? disc.time : null,
      TTDISCCN: onSteroids ? (disc.discontinued ? 0 : 1) : null,
      CSCUM: computeCumulativeDose(profile, end),
    };
  });
}

/** `adcsspar`: one row per infused subject. */
export function toSteroidSparingDataset(
  records: readonly SteroidSparingRecord[],
  context: DatasetContext,
): AdamDataset {
  return makeDataset(ADCSSPAR_META, records, undefined, context);
}

export const TTCSDISC = { PARAMCD: 'TTCSDISC', PARAM: 'Time to corticosteroid discontinuation (days)' } as const;

/**
 * The `TTCSDISC` records of `adtte` (subjects on steroids at Day 0), time from Day 0 (`startDates`:
 * RFSTDTC by subject).
 */
export function toSteroidDiscontinuationTte(
  records: readonly SteroidSparingRecord[],
  startDates: ReadonlyMap<string, IsoDate | null>,
): TteRecord[] {
  return records.flatMap((r) => {
    const start = startDates.get(r.USUBJID) ?? null;
    if (r.TTDISCDY === null || r.TTDISCCN === null || start === null) return [];
    return [
      {
        USUBJID: r.USUBJID,
        ...TTCSDISC,
        STARTDT: start,
        ADT: fromDayNumber(dayNumber(start) + r.TTDISCDY),
        AVAL: r.TTDISCDY,
        CNSR: r.TTDISCCN,
        EVNTDESC:
          r.TTDISCCN === 0
            ? 'Corticosteroids stopped through the end of follow-up'
            : 'Censored at the end of follow-up (Week 52 or last date of participation)',
      },
    ];
  });
}

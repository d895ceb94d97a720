/**
 * Per subject, the prednisone-equivalent dose on every protocol day from `steroids.profileFirstDay`
 * (e.g. Day −60) to RFENDTC's day, built from the systemic corticosteroid records
 * (`steroid-dose.ts`). Only infused subjects (with a Day 0) have a profile.
 */
import { dayNumber, fromDayNumber, type IsoDate } from '../core/dates.js';
import type { CmRow, Lock, SourceRef } from '../lock/types.js';
import type { SapSettings } from '../sap/index.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADCM_META, ADCSDOSE_META } from './metadata/steroids.js';
import { groupBySubject } from './group.js';
import {
  computeActiveInterval,
  computePrednisoneEquivalentDose,
  isSystemicCorticosteroid,
  roundDose,
  type ImputationFlag,
} from './steroid-dose.js';

/** One systemic corticosteroid record with its imputed active days and daily dose. */
export interface SteroidRecord {
  readonly USUBJID: string;
  readonly CMSEQ: number;
  readonly CMDECOD: string;
  readonly CMROUTE: string;
  readonly CMDOSE: number;
  readonly CMDOSFRQ: string;
  readonly PEFACTOR: number;
  /** mg prednisone equivalent on each active day (unrounded; the profile rounds its sums). */
  readonly PEDOSE: number;
  /** Null when the record is active on no day. */
  readonly ASTDT: IsoDate | null;
  readonly ASTDTF: ImputationFlag;
  readonly AENDT: IsoDate | null;
  readonly AENDTF: ImputationFlag;
  /** True when the end is RFENDTC (ONGOING, or a partial end capped there). */
  readonly AENRFFL: boolean;
  readonly ASTDY: number | null;
  readonly AENDY: number | null;
  readonly src: SourceRef;
}

export interface SteroidDoseProfile {
  readonly USUBJID: string;
  /** Protocol day of `doses[0]`. */
  readonly firstDay: number;
  /** Protocol day of the last element: RFENDTC's day. */
  readonly lastDay: number;
  /** mg/day prednisone equivalent, rounded to the settings' decimals, one per day. */
  readonly doses: readonly number[];
}

/** Dose on protocol day `day`, or null outside the profile (not followed). */
export function doseOnDay(profile: SteroidDoseProfile, day: number): number | null {
  if (day < profile.firstDay || day > profile.lastDay) return null;
  return profile.doses[day - profile.firstDay] ?? null;
}

/** Highest daily dose over days `from`…`to` inclusive; null if any of them is outside the profile. */
export function maxDoseBetween(profile: SteroidDoseProfile, from: number, to: number): number | null {
  let max = -Infinity;
  for (let d = from; d <= to; d++) {
    const v = doseOnDay(profile, d);
    if (v === null) return null;
    if (v > max) max = v;
  }
  return max === -Infinity ? null : max;
}

function toSteroidRecord(cm: CmRow, day0: number, rfend: number | null, settings: SapSettings): SteroidRecord {
  const factor = settings.steroids.prednisoneFactors[cm.CMDECOD];
  const frequency = cm.CMDOSFRQ === null ? undefined : settings.steroids.frequencies[cm.CMDOSFRQ];
  if (factor === undefined) throw new Error(`${cm.src.file}:${cm.src.line}: no prednisone factor for ${cm.CMDECOD}`);
  if (frequency === undefined)
    throw new Error(`${cm.src.file}:${cm.src.line}: unknown CMDOSFRQ ${String(cm.CMDOSFRQ)}`);
  if (cm.CMDOSE === null) throw new Error(`${cm.src.file}:${cm.src.line}: CMDOSE missing on a corticosteroid`);
  const interval = computeActiveInterval(cm, frequency.kind === 'once', rfend);
  return {
    USUBJID: cm.USUBJID,
    CMSEQ: cm.CMSEQ,
    CMDECOD: cm.CMDECOD,
    CMROUTE: cm.CMROUTE,
    CMDOSE: cm.CMDOSE,
    CMDOSFRQ: cm.CMDOSFRQ ?? '',
    PEFACTOR: factor,
    PEDOSE: computePrednisoneEquivalentDose(cm.CMDOSE, factor, frequency),
    ASTDT: interval ? fromDayNumber(interval.start) : null,
    ASTDTF: interval?.startFlag ?? null,
    AENDT: interval?.end != null ? fromDayNumber(interval.end) : null,
    AENDTF: interval?.endFlag ?? null,
    AENRFFL: interval?.endFromRfend ?? false,
    ASTDY: interval ? interval.start - day0 : null,
    AENDY: interval?.end != null ? interval.end - day0 : null,
    src: cm.src,
  };
}

export interface SteroidDerivation {
  readonly records: readonly SteroidRecord[];
  /** By USUBJID, for every infused subject (RFSTDTC present). */
  readonly profiles: ReadonlyMap<string, SteroidDoseProfile>;
}

/** Systemic corticosteroid records and the daily-dose profile of every infused subject. */
export function deriveSteroidDoses(lock: Pick<Lock, 'dm' | 'cm'>, settings: SapSettings): SteroidDerivation {
  const cmBySubject = groupBySubject(lock.cm.filter((r) => isSystemicCorticosteroid(r, settings)));
  const records: SteroidRecord[] = [];
  const profiles = new Map<string, SteroidDoseProfile>();
  for (const dm of lock.dm) {
    if (dm.RFSTDTC === null) continue;
    const day0 = dayNumber(dm.RFSTDTC);
    const rfend = dm.RFENDTC === null ? null : dayNumber(dm.RFENDTC);
    const subjectRecords = (cmBySubject.get(dm.USUBJID) ?? []).map((cm) => toSteroidRecord(cm, day0, rfend, settings));
    records.push(...subjectRecords);
    // Without RFENDTC (not expected for an infused subject) follow-up ends at the last known end.
    const lastDay = rfend !== null ? rfend - day0 : Math.max(0, ...subjectRecords.map((r) => r.AENDY ?? 0));
    profiles.set(
      dm.USUBJID,
      buildProfile(dm.USUBJID, subjectRecords, settings.steroids.profileFirstDay, lastDay, settings),
    );
  }
  return { records, profiles };
}

function buildProfile(
  USUBJID: string,
  records: readonly SteroidRecord[],
  firstDay: number,
  lastDay: number,
  settings: SapSettings,
): SteroidDoseProfile {
  const length = Math.max(0, lastDay - firstDay + 1);
  const sums = new Array<number>(length).fill(0);
  for (const r of records) {
    if (r.ASTDY === null) continue;
    const from = Math.max(r.ASTDY, firstDay);
    const to = Math.min(r.AENDY ?? lastDay, lastDay);
    for (let d = from; d <= to; d++) sums[d - firstDay] = (sums[d - firstDay] ?? 0) + r.PEDOSE;
  }
  const decimals = settings.steroids.doseRoundingDecimals;
  return { USUBJID, firstDay, lastDay, doses: sums.map((x) => roundDose(x, decimals)) };
}

/** Runs of days with the same dose: the profile in a size fit for a dataset. */
export interface DoseRun {
  readonly USUBJID: string;
  readonly fromDay: number;
  readonly toDay: number;
  readonly dose: number;
}

export function computeDoseRuns(profile: SteroidDoseProfile): DoseRun[] {
  const { USUBJID, firstDay, doses } = profile;
  const runs: DoseRun[] = [];
  // One record per run, not one per day (a year of days for each of 3,000 subjects).
  for (let from = 0; from < doses.length;) {
    const dose = doses[from] as number;
    let to = from;
    while (to + 1 < doses.length && doses[to + 1] === dose) to++;
    runs.push({ USUBJID, fromDay: firstDay + from, toDay: firstDay + to, dose });
    from = to + 1;
  }
  return runs;
}

/** `adcm`: the systemic corticosteroid records with imputed dates and daily prednisone equivalent. */
export function toSteroidRecordDataset(records: readonly SteroidRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(
    ADCM_META,
    records,
    (r) => ({
      AENRFFL: r.AENRFFL ? 'Y' : null,
    }),
    context,
  );
}

/** `adcsdose`: each subject's daily dose as runs of constant dose covering the whole profile. */
export function toDoseProfileDataset(profiles: Iterable<SteroidDoseProfile>, context: DatasetContext): AdamDataset {
  const runs = [...profiles].flatMap(computeDoseRuns);
  return makeDataset(
    ADCSDOSE_META,
    runs,
    (r) => ({
      PARAMCD: 'PEDOSE',
      ASTDY: r.fromDay,
      AENDY: r.toDay,
      AVAL: r.dose,
    }),
    context,
  );
}

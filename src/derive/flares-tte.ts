/**
 * Time-to-event records (`adtte`, one record per subject and parameter, in the manner of CDISC ADaM
 * ADTTE: AVAL days from STARTDT, CNSR 0 = event, 1 = censored) and the time to first BILAG flare
 * (SAP synopsis §5.2): event day = protocol day of the first flaring assessment at or before Week 52;
 * otherwise censored at the last BILAG assessment day within that window (0 if none).
 *
 * The record type and `toTteDataset` are generic: other parameters (e.g. `TTCSDISC`) add their own
 * records, and all of them are written together as one `adtte`.
 */
import { dayNumber, fromDayNumber, type IsoDate } from '../core/dates.js';
import { makeDataset, type AdamDataset } from './dataset.js';
import type { DatasetContext } from './dataset-context.js';
import { ADTTE_META } from './metadata/adtte.js';

export interface TteRecord {
  readonly USUBJID: string;
  readonly PARAMCD: string;
  readonly PARAM: string;
  /** Time origin (Day 0). */
  readonly STARTDT: IsoDate;
  /** Date of the event or of censoring. */
  readonly ADT: IsoDate;
  /** Days from STARTDT to ADT. */
  readonly AVAL: number;
  /** 0 = event, 1 = censored. */
  readonly CNSR: 0 | 1;
  readonly EVNTDESC: string;
}

export const TTFLARE = { PARAMCD: 'TTFLARE', PARAM: 'Time to first BILAG-2004 flare (days)' } as const;

/** One assessment as time to first flare needs it: protocol day and whether it flares. */
export interface FlareTimePoint {
  readonly day: number;
  readonly flare: boolean;
}

/**
 * Time to first flare from the subject's assessments within the window (any order): the first
 * flaring day, else censored at the last assessment day (0 without assessments).
 */
export function computeTimeToFirstFlare(points: readonly FlareTimePoint[]): {
  readonly time: number;
  readonly event: boolean;
} {
  const flareDays = points.filter((p) => p.flare).map((p) => p.day);
  if (flareDays.length > 0) return { time: Math.min(...flareDays), event: true };
  return { time: Math.max(0, ...points.map((p) => p.day)), event: false };
}

/** The `TTFLARE` record of one subject with Day 0 `startDate`. */
export function toTimeToFirstFlareRecord(
  USUBJID: string,
  startDate: IsoDate,
  points: readonly FlareTimePoint[],
): TteRecord {
  const { time, event } = computeTimeToFirstFlare(points);
  return {
    USUBJID,
    ...TTFLARE,
    STARTDT: startDate,
    ADT: fromDayNumber(dayNumber(startDate) + time),
    AVAL: time,
    CNSR: event ? 0 : 1,
    EVNTDESC: event
      ? 'BILAG-2004 flare (severe or moderate)'
      : points.length > 0
        ? 'Censored at the last BILAG-2004 assessment'
        : 'Censored at Day 0 (no post-baseline BILAG-2004 assessment)',
  };
}

/** `adtte`: the records of every parameter, in the order given. */
export function toTteDataset(records: readonly TteRecord[], context: DatasetContext): AdamDataset {
  return makeDataset(ADTTE_META, records, undefined, context);
}

/**
 * The SAP's baseline rule (synopsis §3), one implementation for every parameter: the DAY 0 value
 * (VISITNUM = the baseline visit); if missing, the latest non-missing value from an earlier visit
 * (VISITNUM below the baseline visit: screening or an unscheduled pre-dose visit) dated on or before
 * Day 0, the higher VISITNUM winning a tie of dates.
 */
import { dayNumber, type IsoDate } from '../core/dates.js';
import { groupBySubject } from './group.js';

export interface BaselineCandidate {
  readonly VISITNUM: number;
  readonly ADT: IsoDate;
}

/**
 * Chooses the baseline record among `candidates`, which must hold only non-missing values of one
 * subject and one parameter. With no infusion date (a subject never infused) the "on or before Day 0"
 * condition cannot be checked and is not applied: such a subject's pre-baseline visits are pre-dose.
 */
export function selectBaseline<T extends BaselineCandidate>(
  candidates: readonly T[],
  baselineVisitnum: number,
  infusionDate: IsoDate | null,
): T | null {
  const day0 = candidates.find((c) => c.VISITNUM === baselineVisitnum);
  if (day0) return day0;
  const limit = infusionDate === null ? Infinity : dayNumber(infusionDate);
  let best: T | null = null;
  let bestDay = -Infinity;
  for (const c of candidates) {
    if (c.VISITNUM >= baselineVisitnum) continue;
    const d = dayNumber(c.ADT);
    if (d > limit) continue;
    if (best === null || d > bestDay || (d === bestDay && c.VISITNUM > best.VISITNUM)) {
      best = c;
      bestDay = d;
    }
  }
  return best;
}

/**
 * Applies `selectBaseline` per subject: each record paired with its subject's baseline record
 * (chosen among the records for which `hasValue` holds), in the input order.
 */
export function pairWithBaseline<T extends BaselineCandidate & { readonly USUBJID: string }>(
  records: readonly T[],
  hasValue: (r: T) => boolean,
  baselineVisitnum: number,
  infusion: ReadonlyMap<string, IsoDate | null>,
): { readonly record: T; readonly baseline: T | null }[] {
  const baseBySubject = new Map<string, T | null>();
  for (const [subject, rows] of groupBySubject(records)) {
    baseBySubject.set(subject, selectBaseline(rows.filter(hasValue), baselineVisitnum, infusion.get(subject) ?? null));
  }
  return records.map((record) => ({ record, baseline: baseBySubject.get(record.USUBJID) ?? null }));
}

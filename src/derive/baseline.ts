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
 * Applies `selectBaseline` per subject: `make(record, baseline)` of each record and its subject's baseline
 * record (chosen among the records for which `hasValue` holds), in the input order. No pair object is made
 * for a record: V8 makes the objects of a code site in the old generation once most of them outlive a
 * young-generation collection (allocation-site pretenuring), as pairs of a whole SLEDAI-2K or PGA record
 * set did; the PRO scores' pairs, made subject by subject, were then made there too, and the records they
 * point to promoted with them, freed only by full collections (~2M PRO records at 20,000 subjects).
 */
export function mapWithBaseline<T extends BaselineCandidate & { readonly USUBJID: string }, R>(
  records: readonly T[],
  hasValue: (r: T) => boolean,
  baselineVisitnum: number,
  infusion: ReadonlyMap<string, IsoDate | null>,
  make: (record: T, baseline: T | null) => R,
): R[] {
  const subject = records[0]?.USUBJID;
  if (subject !== undefined && records.every((r) => r.USUBJID === subject)) {
    // One subject's records (the PRO scores are made subject by subject): nothing to group.
    const baseline = selectBaseline(records.filter(hasValue), baselineVisitnum, infusion.get(subject) ?? null);
    return records.map((record) => make(record, baseline));
  }
  const baseBySubject = new Map<string, T | null>();
  for (const [id, rows] of groupBySubject(records)) {
    baseBySubject.set(id, selectBaseline(rows.filter(hasValue), baselineVisitnum, infusion.get(id) ?? null));
  }
  return records.map((record) => make(record, baseBySubject.get(record.USUBJID) ?? null));
}

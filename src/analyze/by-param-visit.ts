/**
 * Records by parameter, visit and subject, for the by-visit summaries (labs, haematology, biomarker
 * flags, PGA, BILAG grades). Nested maps: a lookup makes no key string, and each (parameter, visit) is a
 * map of one record a subject. One map keyed by `subject\0parameter\0visit` made a new string at every
 * lookup and held every record in one table of millions of keys (20,000 subjects: these summaries took
 * 25–30 times their time at 2,000, and their key strings were garbage for the collector).
 */
export class RecordsByParamVisit<R> {
  private readonly byParam = new Map<string, Map<string, Map<string, R>>>();

  /** A later record of the same parameter, visit and subject replaces the earlier one (as Map.set does). */
  set(param: string, visit: string, subject: string, record: R): void {
    let byVisit = this.byParam.get(param);
    if (byVisit === undefined) this.byParam.set(param, (byVisit = new Map()));
    let bySubject = byVisit.get(visit);
    if (bySubject === undefined) byVisit.set(visit, (bySubject = new Map()));
    bySubject.set(subject, record);
  }

  /** The records of `param` at `visit`, by subject (empty when there are none). */
  at(param: string, visit: string): ReadonlyMap<string, R> {
    return this.byParam.get(param)?.get(visit) ?? NONE;
  }
}

const NONE: ReadonlyMap<string, never> = new Map<string, never>();

/** How often each value occurs: one pass, where counting each category by a filter took one per category. */
export function countEach(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

import { RecordsBySubject, type SubjectIndex } from './subject-index.js';

/**
 * Records by parameter, visit and subject, for the by-visit summaries (labs, haematology, biomarker
 * flags, PGA, BILAG grades). Nested maps by parameter and visit, each (parameter, visit) an array of
 * one record a subject by subject position (subject-index.ts): a lookup makes no key string and no
 * map of subjects grows. One map keyed by `subject\0parameter\0visit` made a new string at every
 * lookup; a map of subjects per (parameter, visit) still took 10–30 times its time at 2,000 subjects at
 * 20,000.
 */
export class RecordsByParamVisit<R> {
  private readonly byParam = new Map<string, Map<string, RecordsBySubject<R>>>();
  private none: RecordsBySubject<R> | undefined;

  /** `records` are the records `set` names by index; `subjects` the subjects that can be looked up. */
  constructor(
    private readonly subjects: SubjectIndex,
    private readonly records: readonly R[],
  ) {}

  /**
   * `records[k]` is `subject`'s record of `param` at `visit`; a later record of the same parameter,
   * visit and subject replaces the earlier one (as Map.set does). A subject not in the index is not held
   * (no group reads it).
   */
  set(param: string, visit: string, subject: string, k: number): void {
    const position = this.subjects.positionOf(subject);
    if (position < 0) return;
    let byVisit = this.byParam.get(param);
    if (byVisit === undefined) this.byParam.set(param, (byVisit = new Map()));
    let bySubject = byVisit.get(visit);
    if (bySubject === undefined) byVisit.set(visit, (bySubject = this.empty()));
    bySubject.set(position, k);
  }

  /** The records of `param` at `visit` by subject position (none when there are none). */
  at(param: string, visit: string): RecordsBySubject<R> {
    return this.byParam.get(param)?.get(visit) ?? (this.none ??= this.empty());
  }

  private empty(): RecordsBySubject<R> {
    return new RecordsBySubject<R>(this.subjects.size, this.records);
  }
}

/**
 * How often each of the values `valueAt(0)` … `valueAt(count − 1)` occurs: one pass, where counting
 * each category by a filter took one per category, and no array of the values.
 */
export function countEachOf(count: number, valueAt: (i: number) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const v = valueAt(i);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/**
 * Subjects as positions 0, 1, 2 …, so that the by-visit summaries hold a parameter's records at a visit
 * in an array by subject position and a group reads its subjects' records by position. One map of
 * USUBJIDs per analysis, where each (parameter, visit) was a map of its own: at 20,000 subjects those
 * hundreds of growing maps of 20,000 keys took 10–30 times their time at 2,000 subjects (the analyze
 * stage grew 17.6-fold for 10 times the subjects).
 */

/** A USUBJID's position: its first appearance. `-1` = not indexed. */
export class SubjectIndex {
  private readonly positions = new Map<string, number>();
  /** The last USUBJID looked up and its position: records come subject by subject. */
  private lastId: string | undefined = undefined;
  private lastPosition = -1;

  /** The subjects in order (a repeated USUBJID keeps its first position). */
  static of(subjects: Iterable<{ readonly USUBJID: string }>): SubjectIndex {
    const index = new SubjectIndex();
    for (const s of subjects) index.add(s.USUBJID);
    return index;
  }

  /** How many subjects: positions are 0 … size − 1. */
  get size(): number {
    return this.positions.size;
  }

  /** The position of `id`, or -1 when it is not indexed. */
  positionOf(id: string): number {
    if (id === this.lastId) return this.lastPosition;
    const p = this.positions.get(id) ?? -1;
    this.lastId = id;
    this.lastPosition = p;
    return p;
  }

  /** The position of `id`, the next one when it is new. */
  add(id: string): number {
    const known = this.positionOf(id);
    if (known >= 0) return known;
    const p = this.positions.size;
    this.positions.set(id, p);
    this.lastId = id;
    this.lastPosition = p;
    return p;
  }

  /** Each subject's position (-1 for one not indexed), in the subjects' order. */
  positionsOf(subjects: readonly { readonly USUBJID: string }[]): Int32Array {
    const out = new Int32Array(subjects.length);
    for (let i = 0; i < subjects.length; i++) out[i] = this.positionOf((subjects[i] as { USUBJID: string }).USUBJID);
    return out;
  }
}

const indexOfSubjects = new WeakMap<readonly { readonly USUBJID: string }[], SubjectIndex>();

/**
 * The index of a subject list (ADSL), made once per list: every analysis of a run receives the same
 * ADSL array.
 */
export function subjectIndexOf(subjects: readonly { readonly USUBJID: string }[]): SubjectIndex {
  let index = indexOfSubjects.get(subjects);
  if (index === undefined) indexOfSubjects.set(subjects, (index = SubjectIndex.of(subjects)));
  return index;
}

/**
 * One record a subject, by subject position: `slot[p]` is the index in `records` (the caller's array)
 * of subject p's record, -1 when there is none. 4 bytes a subject, where a map took ~30 and a holey
 * array of a large length can turn into a dictionary.
 */
export class RecordsBySubject<R> {
  private readonly slots: Int32Array;

  constructor(
    size: number,
    private readonly records: readonly R[],
  ) {
    this.slots = new Int32Array(size).fill(-1);
  }

  /** Subject `position`'s record is `records[k]` (replacing one set before). */
  set(position: number, k: number): void {
    this.slots[position] = k;
  }

  /** The index in `records` of subject `position`'s record, -1 when none (or the position is -1 or past the end). */
  indexOf(position: number): number {
    if (position < 0 || position >= this.slots.length) return -1;
    return this.slots[position] as number;
  }

  /** Subject `position`'s record, undefined when none (or the position is -1 or past the end). */
  get(position: number): R | undefined {
    if (position < 0 || position >= this.slots.length) return undefined;
    const k = this.slots[position] as number;
    return k < 0 ? undefined : this.records[k];
  }
}

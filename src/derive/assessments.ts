/**
 * QS rows of one instrument grouped into assessments (one subject, one VISITNUM), in the order of the
 * subjects given and then of VISITNUM, so that every derivation sees the same deterministic order.
 */
import type { IsoDate } from '../core/dates.js';
import { rowsOfArray, type QsRow, type RowsByPosition } from '../lock/types.js';
import { SourceRuns, type SourceLines } from './source-lines.js';

export interface QsAssessment {
  readonly USUBJID: string;
  readonly VISITNUM: number;
  readonly VISIT: string;
  /** QSDTC (the visit's date, per the DTS). */
  readonly ADT: IsoDate;
  /** The instrument's rows at this assessment, by QSTESTCD. */
  readonly items: ReadonlyMap<string, QsRow>;
}

export function groupQsAssessments(
  qs: readonly QsRow[] | RowsByPosition<QsRow>,
  qscat: string,
  subjects: readonly string[],
): readonly QsAssessment[] {
  return indexQsAssessments(qs, subjects, qscat).get(qscat)?.assessments() ?? [];
}

/**
 * Every instrument's assessments (as `groupQsAssessments` gives each), by QSCAT, from one pass over QS;
 * only `onlyQscat` when given. Rows of subjects not in `subjects` are left out. The index holds row
 * positions, not rows: `InstrumentAssessments.assessments()` makes the assessments of one instrument
 * when asked (a 20,000-subject lock's 10.8M QS rows held as views in a map per assessment took ~0.9 GB).
 */
export function indexQsAssessments(
  qs: readonly QsRow[] | RowsByPosition<QsRow>,
  subjects: readonly string[],
  onlyQscat?: string,
): ReadonlyMap<string, InstrumentAssessments> {
  const rows = isRowArray(qs) ? rowsOfArray(qs) : qs;
  const rank = new Map<string, number>();
  subjects.forEach((s, i) => {
    if (!rank.has(s)) rank.set(s, i);
  });
  const keys = bucketKeys(rows, rank, subjects.length, onlyQscat);
  const order = countingSort(keys.bucket, keys.qscats.length * subjects.length);
  const out = new Map<string, InstrumentAssessments>();
  let from = 0;
  keys.qscats.forEach((qscat, k) => {
    // The instrument's rows: the buckets k × subjects … (k + 1) × subjects − 1, contiguous in `order`.
    const to = from + keys.rowsOfQscat[k]!;
    const positions = order.slice(from, to);
    const starts = sortVisitsAndSplit(rows, positions, keys.bucket);
    out.set(qscat, new InstrumentAssessments(rows, positions, starts, keys.testcds[k]!, keys.codes));
    from = to;
  });
  return out;
}

function isRowArray(qs: readonly QsRow[] | RowsByPosition<QsRow>): qs is readonly QsRow[] {
  return Array.isArray(qs);
}

/**
 * The assessments of one instrument: the positions of its rows in QS, sorted by subject (in the order
 * given), VISITNUM and position, each assessment a run of them (`starts`), and each row's QSTESTCD as a
 * code. Rows are made (views of the lock's columns) only when an assessment is read.
 */
export class InstrumentAssessments {
  private readonly codes: Uint8Array | Uint16Array | Uint32Array;
  private readonly codeOf: ReadonlyMap<string, number>;
  private readonly testcds: readonly string[];
  /** Whether some assessment holds a QSTESTCD twice (a lock that passed its key rule never does). */
  private readonly repeats: boolean;

  constructor(
    private readonly rows: RowsByPosition<QsRow>,
    private readonly positions: Int32Array,
    /** Where each assessment starts in `positions`, and `positions.length` last. */
    private readonly starts: Int32Array,
    testcds: readonly string[],
    codes: Uint32Array,
  ) {
    const own = new (testcds.length <= 0x100 ? Uint8Array : testcds.length <= 0x10000 ? Uint16Array : Uint32Array)(
      positions.length,
    );
    for (let j = 0; j < positions.length; j++) own[j] = codes[positions[j]!]!;
    this.codes = own;
    this.codeOf = new Map(testcds.map((t, c) => [t, c]));
    this.testcds = testcds;
    this.repeats = hasRepeats(own, starts, testcds.length);
  }

  /** How many assessments. */
  get length(): number {
    return this.starts.length - 1;
  }

  /** The assessments, made anew on each call (subjects in the order given, then VISITNUM). */
  assessments(): QsAssessment[] {
    const out = new Array<QsAssessment>(this.length);
    const hint = new Int32Array(this.codeOf.size);
    for (let a = 0; a < out.length; a++) {
      const start = this.starts[a]!;
      const first = this.rows.at(this.positions[start]!);
      out[a] = {
        USUBJID: first.USUBJID,
        VISITNUM: first.VISITNUM,
        VISIT: first.VISIT,
        ADT: first.QSDTC,
        items: new AssessmentItems(this, start, this.starts[a + 1]!, hint),
      };
    }
    return out;
  }

  /** Code of a QSTESTCD in this instrument; undefined when none of its rows has it. */
  codeOfTest(testcd: string): number | undefined {
    return this.codeOf.get(testcd);
  }

  /** The row at `j` of `positions`. */
  rowAt(j: number): QsRow {
    return this.rows.at(this.positions[j]!);
  }

  codeAt(j: number): number {
    return this.codes[j]!;
  }

  /** The QSTESTCD of a code. */
  testOfCode(code: number): string {
    return this.testcds[code]!;
  }

  /** Whether an assessment may hold a QSTESTCD twice (then the last row read of it counts, as a Map would). */
  get mayRepeat(): boolean {
    return this.repeats;
  }
}

/**
 * One assessment's rows by QSTESTCD, read from the instrument's positions: what a `Map` of its rows set
 * in the order read gives (keys in the order first read, the last row of a key as its value), each row
 * a new view when read.
 */
class AssessmentItems implements ReadonlyMap<string, QsRow> {
  constructor(
    private readonly of: InstrumentAssessments,
    private readonly start: number,
    private readonly end: number,
    /** Per code, where it was last found in an assessment (offset from its start): items are in the same order in most. */
    private readonly hint: Int32Array,
  ) {}

  /** Where the value of `testcd` is in the instrument's positions, or -1. */
  private find(testcd: string): number {
    const code = this.of.codeOfTest(testcd);
    if (code === undefined) return -1;
    const { start, end } = this;
    if (!this.of.mayRepeat) {
      const guess = start + this.hint[code]!;
      if (guess < end && this.of.codeAt(guess) === code) return guess;
    }
    // The last row of the code, as a Map set in read order keeps.
    for (let j = end - 1; j >= start; j--)
      if (this.of.codeAt(j) === code) {
        this.hint[code] = j - start;
        return j;
      }
    return -1;
  }

  get(testcd: string): QsRow | undefined {
    const j = this.find(testcd);
    return j === -1 ? undefined : this.of.rowAt(j);
  }

  has(testcd: string): boolean {
    return this.find(testcd) !== -1;
  }

  get size(): number {
    let n = 0;
    for (const _ of this.firstOfEachCode()) n++;
    return n;
  }

  /** Positions of the first row of each code, in read order. */
  private *firstOfEachCode(): Generator<number> {
    for (let j = this.start; j < this.end; j++) {
      const code = this.of.codeAt(j);
      let seen = false;
      if (this.of.mayRepeat) for (let i = this.start; i < j && !seen; i++) seen = this.of.codeAt(i) === code;
      if (!seen) yield j;
    }
  }

  *entries(): MapIterator<[string, QsRow]> {
    for (const j of this.firstOfEachCode()) {
      const key = this.of.testOfCode(this.of.codeAt(j));
      yield [key, this.get(key) as QsRow];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  /** The source row of each value, in `values()` order: without its generator (one per record made). */
  addSources(runs: SourceRuns): void {
    if (this.of.mayRepeat) for (const v of this.values()) runs.add(v.src);
    else for (let j = this.start; j < this.end; j++) runs.add(this.of.rowAt(j).src);
  }

  *values(): MapIterator<QsRow> {
    if (!this.of.mayRepeat) {
      for (let j = this.start; j < this.end; j++) yield this.of.rowAt(j);
      return;
    }
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, QsRow]> {
    return this.entries();
  }

  forEach(f: (value: QsRow, key: string, map: ReadonlyMap<string, QsRow>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}

/** Whether some assessment (a run of `starts`) holds a code twice. */
function hasRepeats(codes: ArrayLike<number>, starts: Int32Array, count: number): boolean {
  const seenIn = new Int32Array(count).fill(-1);
  for (let a = 0; a + 1 < starts.length; a++)
    for (let j = starts[a]!; j < starts[a + 1]!; j++) {
      const c = codes[j]!;
      if (seenIn[c] === a) return true;
      seenIn[c] = a;
    }
  return false;
}

/** Per QS row its bucket (instrument × subject rank; -1 when left out) and QSTESTCD code within its instrument. */
interface BucketKeys {
  readonly bucket: Int32Array;
  readonly codes: Uint32Array;
  /** Instruments in the order first read. */
  readonly qscats: readonly string[];
  readonly rowsOfQscat: readonly number[];
  /** Per instrument, its QSTESTCDs by code. */
  readonly testcds: readonly (readonly string[])[];
}

function bucketKeys(
  rows: RowsByPosition<QsRow>,
  rank: ReadonlyMap<string, number>,
  subjects: number,
  onlyQscat: string | undefined,
): BucketKeys {
  const bucket = new Int32Array(rows.length).fill(-1);
  const codes = new Uint32Array(rows.length);
  const qscats: string[] = [];
  const qscatIndex = new Map<string, number>();
  const rowsOfQscat: number[] = [];
  const testcds: string[][] = [];
  const codeOf: Map<string, number>[] = [];
  // A lock lists a subject's rows together, instrument by instrument: the last row's subject and
  // instrument are usually the next one's, which spares two map lookups per row.
  let lastSubject: string | null = null;
  let lastRank: number | undefined;
  let lastQscat: string | null = null;
  let k = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows.at(i);
    const qscat = r.QSCAT;
    if (onlyQscat !== undefined && qscat !== onlyQscat) continue;
    const subject = r.USUBJID;
    if (subject !== lastSubject) {
      lastSubject = subject;
      lastRank = rank.get(subject);
    }
    if (lastRank === undefined) continue;
    if (qscat !== lastQscat) {
      lastQscat = qscat;
      let found = qscatIndex.get(qscat);
      if (found === undefined) {
        found = qscats.push(qscat) - 1;
        qscatIndex.set(qscat, found);
        rowsOfQscat.push(0);
        testcds.push([]);
        codeOf.push(new Map());
      }
      k = found;
    }
    bucket[i] = k * subjects + lastRank;
    rowsOfQscat[k]!++;
    const own = codeOf[k]!;
    const testcd = r.QSTESTCD;
    let code = own.get(testcd);
    if (code === undefined) {
      code = testcds[k]!.push(testcd) - 1;
      own.set(testcd, code);
    }
    codes[i] = code;
  }
  return { bucket, codes, qscats, rowsOfQscat, testcds };
}

/** The positions of the rows with a bucket, by bucket and then position (a stable counting sort). */
function countingSort(bucket: Int32Array, buckets: number): Int32Array {
  const next = new Int32Array(buckets + 1);
  for (let i = 0; i < bucket.length; i++) if (bucket[i]! >= 0) next[bucket[i]! + 1]!++;
  for (let b = 0; b < buckets; b++) next[b + 1]! += next[b]!;
  const order = new Int32Array(next[buckets]!);
  for (let i = 0; i < bucket.length; i++) {
    const b = bucket[i]!;
    if (b >= 0) order[next[b]!++] = i;
  }
  return order;
}

/**
 * Sorts each bucket's positions (one subject's rows of the instrument, in position order) by VISITNUM,
 * rows of one VISITNUM in position order, and returns where each assessment (subject × VISITNUM)
 * starts, with `positions.length` last.
 */
function sortVisitsAndSplit(rows: RowsByPosition<QsRow>, positions: Int32Array, bucket: Int32Array): Int32Array {
  const starts = new Int32Array(positions.length + 1);
  const n = splitAssessments(rows, positions, bucket, starts);
  starts[n] = positions.length;
  return starts.slice(0, n + 1);
}

/**
 * sortVisitsAndSplit's loop: writes each assessment's start into `starts` and returns their number. A
 * function of its own that ends with the loop: V8 compiled sortVisitsAndSplit by on-stack replacement
 * in its first call, then deoptimized that code at the calls after the loop (which had never run, so had
 * no feedback) on each of the next calls that entered it (~10–20 deoptimizations a run).
 */
function splitAssessments(
  rows: RowsByPosition<QsRow>,
  positions: Int32Array,
  bucket: Int32Array,
  starts: Int32Array,
): number {
  let n = 0;
  let visits = new Float64Array(64);
  for (let from = 0; from < positions.length;) {
    const b = bucket[positions[from]!]!;
    let to = from + 1;
    while (to < positions.length && bucket[positions[to]!] === b) to++;
    if (visits.length < to - from) visits = new Float64Array(2 * (to - from));
    let sorted = true;
    for (let j = from; j < to; j++) {
      visits[j - from] = rows.at(positions[j]!).VISITNUM;
      if (j > from && visits[j - from]! < visits[j - from - 1]!) sorted = false;
    }
    if (!sorted) sortByVisit(positions, visits, from, to);
    for (let j = from; j < to; j++) if (j === from || visits[j - from] !== visits[j - from - 1]) starts[n++] = j;
    from = to;
  }
  return n;
}

/** positions[from, to) and their visits sorted by visit, then position (so a visit's rows stay in read order). */
function sortByVisit(positions: Int32Array, visits: Float64Array, from: number, to: number): void {
  const pairs = Array.from({ length: to - from }, (_, k) => ({ p: positions[from + k]!, v: visits[k]! }));
  pairs.sort((x, y) => x.v - y.v || x.p - y.p);
  pairs.forEach((x, k) => {
    positions[from + k] = x.p;
    visits[k] = x.v;
  });
}

/** The source rows of an assessment, in the order its items were read. */
export function sourceLinesOfAssessment(a: QsAssessment): SourceLines {
  const runs = new SourceRuns();
  if (a.items instanceof AssessmentItems) a.items.addSources(runs);
  else for (const r of a.items.values()) runs.add(r.src);
  return runs.lines();
}

/** The numeric result of an item, or null when absent, NOT DONE or empty. */
export function itemNumber(a: QsAssessment, testcd: string, notDone: string): number | null {
  return rowNumber(a.items.get(testcd), notDone);
}

/** itemNumber of an item's row already read (undefined: the item is absent). */
export function rowNumber(r: QsRow | undefined, notDone: string): number | null {
  if (!r || r.QSSTAT === notDone) return null;
  return r.QSSTRESN;
}

/** The text result of an item, or null when absent, NOT DONE or empty. */
export function itemText(a: QsAssessment, testcd: string, notDone: string): string | null {
  const r = a.items.get(testcd);
  if (!r || r.QSSTAT === notDone) return null;
  return r.QSSTRESC;
}

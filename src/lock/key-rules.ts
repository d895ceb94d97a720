/**
 * Identity and keys (../shared/dts/lock.md §Identity and keys): every subject exists in DM, the unique
 * keys of each domain, and the one AEBODSYS per AEDECOD rule. Each rule is one pass with a hash map;
 * a duplicate is reported on its second occurrence, naming the line of the first.
 */
import { issue, type Issue } from '../core/issues.js';
import type { Loose } from './schema.js';
import type { AeRow, Positional, SourceRef } from './types.js';
import { passOver, type RowPass } from './row-pass.js';

export interface Located {
  readonly src: SourceRef;
}

export type KeyPart = string | number | null;
type Trie = Map<KeyPart | symbol, unknown>;

/**
 * A row's key: its parts, in a new array or in `into` (the same array again for every row: a key read
 * per row of each rule was ~7 MB of arrays in the sample's read, 10M at 20,000 subjects). The parts are
 * copied where they are kept, so either is read only until the next key is.
 */
export type KeyOf<R> = (row: R, into: KeyPart[]) => readonly KeyPart[];

/** `into` holding the parts given, in order (`c` and `d` when given: a key part is never undefined). */
export function keyParts(into: KeyPart[], a: KeyPart, b: KeyPart, c?: KeyPart, d?: KeyPart): KeyPart[] {
  into[0] = a;
  into[1] = b;
  let n = 2;
  if (c !== undefined) into[n++] = c;
  if (d !== undefined) into[n++] = d;
  if (into.length !== n) into.length = n;
  return into;
}

/**
 * Issues for rows whose key (parts; a null part = not checkable, its cell has its own issue) repeats an
 * earlier row's. Keys are looked up part by part in nested maps (subject → visit → …): small maps keyed
 * by the cells themselves, where one big map of joined strings costs ~1 µs per row of a 1M-row file.
 */
export function checkUniqueKey<R extends Located>(
  rows: Positional<R>,
  key: KeyOf<R>,
  column: string,
  what: string,
  issues: Issue[],
): void {
  passOver(rows, [uniqueKeyPass(rows, key, column, what)], issues);
}

/**
 * `checkUniqueKey` as a pass. A file's rows come grouped by their key's first part (the subject; the
 * files are sorted by their key): the maps then hold one subject's keys at a time, made anew for the
 * next, where maps of the whole file's keys held ~0.8 GB for a 20,000-subject QS. Two rows of one key
 * share its first part, so they fall in one group. A file whose first parts do not come grouped is
 * checked again at the end with one set of maps for the whole file (the same issues, more memory).
 */
export function uniqueKeyPass<R extends Located>(
  rows: Positional<R>,
  key: KeyOf<R>,
  column: string,
  what: string,
): RowPass<R> {
  const issues: Issue[] = [];
  const check = new KeyCheck(rows, key, column, what, issues);
  // Groups of one part are the whole key: one set of maps for the file (subjects of dm.csv, ~1 per row).
  let grouped = true;
  let group: KeyPart | undefined;
  const finished = new Set<KeyPart>();
  const into: KeyPart[] = [];
  return {
    issues,
    row: (row, i) => {
      if (!grouped) return;
      const parts = key(row, into);
      if (parts.includes(null)) return;
      if (parts.length > 1 && parts[0] !== group) {
        if (group !== undefined) finished.add(group);
        group = parts[0];
        if (finished.has(group as KeyPart)) {
          grouped = false;
          return;
        }
        check.restart();
      }
      check.add(row, parts, i);
    },
    end: () => {
      if (grouped) return;
      issues.length = 0;
      const whole = new KeyCheck(rows, key, column, what, issues);
      for (let i = 0; i < rows.length; i++) {
        const row = rows.at(i) as R;
        const parts = key(row, into);
        if (!parts.includes(null)) whole.add(row, parts, i);
      }
    },
  };
}

/** A leaf's key for the rows of an ascending run not yet entered in it (`KeyCheck`); no key part is a symbol. */
const PENDING = Symbol('pending');

/**
 * The keys seen so far in nested maps (all parts but the last, then the last: the first row's position);
 * a repeated key is an issue naming the line of its first row.
 *
 * Rows mostly come in runs of one prefix (all parts but the last) whose last parts ascend (QSSEQ within
 * a subject, test codes within a visit): such a run cannot repeat a key within itself, so its rows are
 * entered in the prefix's map only if a later row needs them (a row of the run that does not ascend, or
 * a later run of the same prefix), read again then by position. A 20,000-subject QS then builds few of
 * the ~10M map entries it built before, and the sample's check of QS most of its garbage.
 */
class KeyCheck<R extends Located> {
  private root: Trie = new Map();
  // Files are sorted by their key, so a row mostly shares all but its last part with the row before:
  // then it reuses that row's node instead of walking the maps again. A copy of its parts (`KeyOf`).
  private readonly previous: KeyPart[] = [];
  /** The key of a row read again (`enter`). */
  private readonly again: KeyPart[] = [];
  private previousNode: Trie = this.root;
  /** First row of the current run not entered in `previousNode` (-1: every row is in it). */
  private runStart = -1;
  /** Last part of the run's latest row. */
  private runLast: KeyPart = null;

  constructor(
    private readonly rows: Positional<R>,
    private readonly key: KeyOf<R>,
    private readonly column: string,
    private readonly what: string,
    private readonly issues: Issue[],
  ) {}

  /** Forgets every key seen (a new group of rows). */
  restart(): void {
    this.root = new Map();
    this.previous.length = 0;
    this.previousNode = this.root;
    this.runStart = -1;
  }

  add(row: R, parts: readonly KeyPart[], i: number): void {
    const last = parts[parts.length - 1] as KeyPart;
    let node: Trie;
    if (samePrefix(parts, this.previous)) {
      node = this.previousNode;
      if (this.runStart >= 0) {
        if (ascends(this.runLast, last)) {
          this.runLast = last;
          this.remember(parts);
          return;
        }
        this.enter(node, this.runStart, i);
        this.runStart = -1;
      }
    } else {
      if (this.runStart >= 0) this.previousNode.set(PENDING, [this.runStart, i]);
      this.runStart = -1;
      node = this.nodeOf(parts);
      const pending = node.get(PENDING) as readonly [number, number] | undefined;
      if (pending !== undefined) {
        node.delete(PENDING);
        this.enter(node, pending[0], pending[1]);
      }
      this.remember(parts);
      this.previousNode = node;
      if (parts.length > 1 && node.size === 0) {
        this.runStart = i;
        this.runLast = last;
        return;
      }
    }
    this.remember(parts);
    // The first row's position is kept, not the row: the rows of a large file are views made as they
    // are read (10.8M QS rows of a 20,000-subject lock), which a map of them would keep alive all at
    // once. Not its line either: a view makes its `src` when asked, an object per row for nothing.
    const first = node.get(last) as number | undefined;
    if (first === undefined) node.set(last, i);
    else {
      const line = (this.rows.at(first) as R).src.line;
      const rule = `duplicate ${this.what} (first on line ${line})`;
      this.issues.push(issue('error', row.src.file, rule, row.src.line, this.column));
    }
  }

  /** `parts` as the row before's key (copied: they may be read into the same array for the next row). */
  private remember(parts: readonly KeyPart[]): void {
    const previous = this.previous;
    if (previous.length !== parts.length) previous.length = parts.length;
    for (let p = 0; p < parts.length; p++) previous[p] = parts[p] as KeyPart;
  }

  /** The map of `parts`' prefix (the root for a key of one part), made when new. */
  private nodeOf(parts: readonly KeyPart[]): Trie {
    let node = this.root;
    for (let p = 0; p < parts.length - 1; p++) {
      let next = node.get(parts[p] as KeyPart) as Trie | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(parts[p] as KeyPart, next);
      }
      node = next;
    }
    return node;
  }

  /**
   * Enters the rows from `start` to before `end` in `node`: a run of its prefix whose last parts ascend
   * (rows between them with a null part are skipped, as when they were first read).
   */
  private enter(node: Trie, start: number, end: number): void {
    for (let j = start; j < end; j++) {
      const parts = this.key(this.rows.at(j) as R, this.again);
      if (!parts.includes(null)) node.set(parts[parts.length - 1] as KeyPart, j);
    }
  }
}

/** Whether `b` comes strictly after `a` (two numbers, or two texts): then the two differ. */
function ascends(a: KeyPart, b: KeyPart): boolean {
  return typeof a === typeof b && (a as string | number) < (b as string | number);
}

/** Whether two keys of more than one part agree on all parts but the last. */
export function samePrefix(a: readonly KeyPart[], b: readonly KeyPart[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every row's USUBJID is a subject of dm.csv. */
export function checkSubjectsInDm<R extends Located & { readonly USUBJID: string | null }>(
  rows: Positional<R>,
  dmSubjects: ReadonlySet<string>,
  issues: Issue[],
): void {
  passOver(rows, [subjectsInDmPass(dmSubjects)], issues);
}

/** `checkSubjectsInDm` as a pass. */
export function subjectsInDmPass<R extends Located & { readonly USUBJID: string | null }>(
  dmSubjects: ReadonlySet<string>,
): RowPass<R> {
  const issues: Issue[] = [];
  // Rows come in runs of one subject: a subject is looked up once per run.
  let subject: string | null = null;
  let known = true;
  return {
    issues,
    row: (row) => {
      if (row.USUBJID === null) return;
      if (row.USUBJID !== subject) {
        subject = row.USUBJID;
        known = dmSubjects.has(subject);
      }
      if (!known)
        issues.push(issue('error', row.src.file, `subject ${subject} is not in dm.csv`, row.src.line, 'USUBJID'));
    },
    end: () => {},
  };
}

/** One MedDRA system organ class per preferred term across the file. */
export function checkOneBodySystemPerTerm(rows: readonly Loose<AeRow>[], issues: Issue[]): void {
  const first = new Map<string, { readonly bodsys: string; readonly line: number }>();
  for (const row of rows) {
    if (row.AEDECOD === null || row.AEBODSYS === null) continue;
    const seen = first.get(row.AEDECOD);
    if (seen === undefined) first.set(row.AEDECOD, { bodsys: row.AEBODSYS, line: row.src.line });
    else if (seen.bodsys !== row.AEBODSYS) {
      const rule = `AEDECOD '${row.AEDECOD}' has AEBODSYS '${seen.bodsys}' on line ${seen.line}: one AEBODSYS per AEDECOD`;
      issues.push(issue('error', row.src.file, rule, row.src.line, 'AEBODSYS'));
    }
  }
}

/**
 * Identity and keys (../shared/dts/lock.md §Identity and keys): every subject exists in DM, the unique
 * keys of each domain, and the one AEBODSYS per AEDECOD rule. Each rule is one pass with a hash map;
 * a duplicate is reported on its second occurrence, naming the line of the first.
 */
import { issue, type Issue } from '../core/issues.js';
import type { Loose } from './schema.js';
import type { AeRow, Positional, SourceRef } from './types.js';
import { passOver, type RowPass } from './row-pass.js';

interface Located {
  readonly src: SourceRef;
}

type KeyPart = string | number | null;
type Trie = Map<KeyPart, unknown>;

/**
 * Issues for rows whose key (parts; a null part = not checkable, its cell has its own issue) repeats an
 * earlier row's. Keys are looked up part by part in nested maps (subject → visit → …): small maps keyed
 * by the cells themselves, where one big map of joined strings costs ~1 µs per row of a 1M-row file.
 */
export function checkUniqueKey<R extends Located>(
  rows: Positional<R>,
  key: (row: R) => readonly KeyPart[],
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
  key: (row: R) => readonly KeyPart[],
  column: string,
  what: string,
): RowPass<R> {
  const issues: Issue[] = [];
  const check = new KeyCheck(rows, column, what, issues);
  // Groups of one part are the whole key: one set of maps for the file (subjects of dm.csv, ~1 per row).
  let grouped = true;
  let group: KeyPart | undefined;
  const finished = new Set<KeyPart>();
  return {
    issues,
    row: (row, i) => {
      if (!grouped) return;
      const parts = key(row);
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
      const whole = new KeyCheck(rows, column, what, issues);
      for (let i = 0; i < rows.length; i++) {
        const row = rows.at(i) as R;
        const parts = key(row);
        if (!parts.includes(null)) whole.add(row, parts, i);
      }
    },
  };
}

/** The keys seen so far in nested maps; a repeated key is an issue naming the line of its first row. */
class KeyCheck<R extends Located> {
  private root: Trie = new Map();
  // Files are sorted by their key, so a row mostly shares all but its last part with the row before:
  // then it reuses that row's node instead of walking the maps again.
  private previous: readonly KeyPart[] = [];
  private previousNode: Trie = this.root;

  constructor(
    private readonly rows: Positional<R>,
    private readonly column: string,
    private readonly what: string,
    private readonly issues: Issue[],
  ) {}

  /** Forgets every key seen (a new group of rows). */
  restart(): void {
    this.root = new Map();
    this.previous = [];
    this.previousNode = this.root;
  }

  add(row: R, parts: readonly KeyPart[], i: number): void {
    const root = this.root;
    let node = samePrefix(parts, this.previous) ? this.previousNode : root;
    if (node === root)
      for (let p = 0; p < parts.length - 1; p++) {
        let next = node.get(parts[p] as KeyPart) as Trie | undefined;
        if (next === undefined) {
          next = new Map();
          node.set(parts[p] as KeyPart, next);
        }
        node = next;
      }
    this.previous = parts;
    this.previousNode = node;
    const last = parts[parts.length - 1] as KeyPart;
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

/**
 * Identity and keys (../shared/dts/lock.md §Identity and keys): every subject exists in DM, the unique
 * keys of each domain, and the one AEBODSYS per AEDECOD rule. Each rule is one pass with a hash map;
 * a duplicate is reported on its second occurrence, naming the line of the first.
 */
import { issue, type Issue } from '../core/issues.js';
import type { Loose } from './schema.js';
import type { AeRow, Positional, SourceRef } from './types.js';

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
  const root: Trie = new Map();
  // Files are sorted by their key, so a row mostly shares all but its last part with the row before:
  // then it reuses that row's node instead of walking the maps again.
  let previous: readonly KeyPart[] = [];
  let previousNode = root;
  for (let i = 0; i < rows.length; i++) {
    const row = rows.at(i) as R;
    const parts = key(row);
    if (parts.includes(null)) continue;
    let node = samePrefix(parts, previous) ? previousNode : root;
    if (node === root)
      for (let p = 0; p < parts.length - 1; p++) {
        let next = node.get(parts[p] as KeyPart) as Trie | undefined;
        if (next === undefined) {
          next = new Map();
          node.set(parts[p] as KeyPart, next);
        }
        node = next;
      }
    previous = parts;
    previousNode = node;
    const last = parts[parts.length - 1] as KeyPart;
    // The first row's position is kept, not the row: the rows of a large file are views made as they
    // are read (10.8M QS rows of a 20,000-subject lock), which a map of them would keep alive all at
    // once. Not its line either: a view makes its `src` when asked, an object per row for nothing.
    const first = node.get(last) as number | undefined;
    if (first === undefined) node.set(last, i);
    else {
      const line = (rows.at(first) as R).src.line;
      issues.push(issue('error', row.src.file, `duplicate ${what} (first on line ${line})`, row.src.line, column));
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
  for (let i = 0; i < rows.length; i++) {
    const row = rows.at(i) as R;
    if (row.USUBJID !== null && !dmSubjects.has(row.USUBJID)) {
      issues.push(issue('error', row.src.file, `subject ${row.USUBJID} is not in dm.csv`, row.src.line, 'USUBJID'));
    }
  }
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

/**
 * The source rows of a derived value (what `sle-msc explain` cites), stored as runs of consecutive
 * lines rather than one `SourceRef` object per row. A SLEDAI-2K assessment comes from 24 QS rows on
 * consecutive lines: as objects in an array they took ~1.2 KB, as one run four fields (64 bytes); over
 * the SLEDAI-2K, PGA, SDI, PRO and flare records of a 20,000-subject lock, ~0.6 GB less held to the
 * end of a run.
 */
import type { SourceRef } from '../lock/types.js';

/** The rows in the order given (`for … of` them, or spread them into an array). */
export class SourceLines implements Iterable<SourceRef> {
  private constructor(
    /** File of the first run ('' when there is no row). */
    private readonly file: string,
    private readonly first: number,
    private readonly last: number,
    /** Further runs as [file, first, last] triples; null when there is one run (the usual case). */
    private readonly rest: readonly (string | number)[] | null,
    /** Number of rows. */
    readonly length: number,
  ) {}

  /** The rows of `refs` in their order, nulls left out. */
  static of(refs: Iterable<SourceRef | null>): SourceLines {
    const runs: (string | number)[] = [];
    let length = 0;
    for (const ref of refs) {
      if (ref === null) continue;
      length++;
      const n = runs.length;
      // A row on the line after the run's last, in the same file, extends it.
      if (n > 0 && runs[n - 3] === ref.file && runs[n - 1] === ref.line - 1) runs[n - 1] = ref.line;
      else runs.push(ref.file, ref.line, ref.line);
    }
    if (runs.length === 0) return new SourceLines('', 0, -1, null, 0);
    const [file, first, last] = runs as [string, number, number];
    return new SourceLines(file, first, last, runs.length > 3 ? runs.slice(3) : null, length);
  }

  /** The rows `first`..`last` of `file` (none when `last` < `first`): how `RecordColumns` gives them back. */
  static run(file: string, first: number, last: number): SourceLines {
    return last < first
      ? new SourceLines('', 0, -1, null, 0)
      : new SourceLines(file, first, last, null, last - first + 1);
  }

  /** The rows as one run (an empty run when none), or null when they are more than one. */
  oneRun(): { readonly file: string; readonly first: number; readonly last: number } | null {
    return this.rest === null ? { file: this.file, first: this.first, last: this.last } : null;
  }

  *[Symbol.iterator](): Iterator<SourceRef> {
    for (let line = this.first; line <= this.last; line++) yield { file: this.file, line };
    const rest = this.rest ?? [];
    for (let k = 0; k < rest.length; k += 3) {
      const file = rest[k] as string;
      for (let line = rest[k + 1] as number; line <= (rest[k + 2] as number); line++) yield { file, line };
    }
  }
}

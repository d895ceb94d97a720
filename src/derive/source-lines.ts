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
    const runs = new SourceRuns();
    for (const ref of refs) if (ref !== null) runs.add(ref);
    return runs.lines();
  }

  /** The runs as `SourceRuns` gathered them. */
  static make(
    file: string,
    first: number,
    last: number,
    rest: readonly (string | number)[] | null,
    length: number,
  ): SourceLines {
    return new SourceLines(file, first, last, rest, length);
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

/**
 * SourceLines made row by row (`add`, then `lines`): what `SourceLines.of` gives for the same rows. The
 * derivations add an assessment's rows straight from it, with no generator in between, and the first
 * run lives in three fields, not an array: a SourceLines is made per PRO, SLEDAI-2K, PGA and SDI record
 * (~10,000 in the sample, ~2.4M at 20,000 subjects), nearly all of one run, and each was made through
 * one or two generators (an iterator result per row) and a runs array.
 */
export class SourceRuns {
  private file = '';
  private first = 0;
  private last = -1;
  /** Runs after the first as [file, first, last] triples; null while there is one (the usual case). */
  private rest: (string | number)[] | null = null;
  private length = 0;

  add(ref: SourceRef): void {
    const { file, line } = ref;
    const n = this.length++;
    if (n === 0) {
      this.file = file;
      this.first = this.last = line;
      return;
    }
    const rest = this.rest;
    // A row on the line after the run's last, in the same file, extends it.
    if (rest === null) {
      if (file === this.file && line - 1 === this.last) this.last = line;
      else this.rest = [file, line, line];
      return;
    }
    const k = rest.length;
    if (rest[k - 3] === file && rest[k - 1] === line - 1) rest[k - 1] = line;
    else rest.push(file, line, line);
  }

  /** The rows added so far (later rows added change only later `lines()`). */
  lines(): SourceLines {
    return this.length === 0
      ? SourceLines.run('', 0, -1)
      : SourceLines.make(this.file, this.first, this.last, this.rest?.slice() ?? null, this.length);
  }
}

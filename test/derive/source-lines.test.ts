import { describe, expect, it } from 'vitest';
import { SourceLines, SourceRuns } from '../../src/derive/source-lines.js';
import type { SourceRef } from '../../src/lock/types.js';

const ref = (file: string, line: number) => ({ file, line });

describe('SourceLines', () => {
  it('gives back the rows in the order given, consecutive lines as one run', () => {
    const refs = [ref('qs.csv', 12), ref('qs.csv', 13), ref('qs.csv', 14), ref('qs.csv', 9), ref('qs.csv', 10)];
    const lines = SourceLines.of(refs);
    expect([...lines]).toEqual(refs);
    expect(lines).toHaveLength(5);
  });

  it('keeps a repeated line, a line going back and a second file', () => {
    const refs = [ref('qs.csv', 5), ref('qs.csv', 5), ref('lb.csv', 6), ref('qs.csv', 4), ref('qs.csv', 7)];
    expect([...SourceLines.of(refs)]).toEqual(refs);
  });

  it('leaves out nulls; none at all is empty', () => {
    expect([...SourceLines.of([null, ref('ae.csv', 3), null])]).toEqual([ref('ae.csv', 3)]);
    const none = SourceLines.of([null]);
    expect([...none]).toEqual([]);
    expect(none).toHaveLength(0);
  });
});

/** What SourceLines.of was before SourceRuns: the runs in one array, as [file, first, last] triples. */
function referenceRuns(refs: readonly SourceRef[]): (string | number)[] {
  const runs: (string | number)[] = [];
  for (const ref of refs) {
    const n = runs.length;
    if (n > 0 && runs[n - 3] === ref.file && runs[n - 1] === ref.line - 1) runs[n - 1] = ref.line;
    else runs.push(ref.file, ref.line, ref.line);
  }
  return runs;
}

/** The runs of a SourceLines, read through its public face (rows, length, oneRun). */
function runsOf(lines: SourceLines): (string | number)[] {
  return referenceRuns([...lines]);
}

describe('SourceRuns', () => {
  // A fixed sequence of rows: runs of 1–4 consecutive lines, repeats, steps back and a second file.
  const refs: SourceRef[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let line = 10, k = 0; k < 200; k++) {
    const step = next() % 7;
    line = step === 0 ? line : step === 1 ? line - 3 : step <= 4 ? line + 1 : line + 5;
    refs.push(ref(next() % 9 === 0 ? 'lb.csv' : 'qs.csv', Math.max(1, line)));
  }

  it('gives what the runs array gave, for every prefix of a sequence', () => {
    for (let n = 0; n <= refs.length; n++) {
      const runs = new SourceRuns();
      for (const r of refs.slice(0, n)) runs.add(r);
      const lines = runs.lines();
      expect([...lines]).toEqual(refs.slice(0, n));
      expect(lines).toHaveLength(n);
      const reference = referenceRuns(refs.slice(0, n));
      expect(runsOf(lines)).toEqual(reference);
      expect(lines.oneRun()).toEqual(
        n === 0
          ? { file: '', first: 0, last: -1 }
          : reference.length === 3
            ? { file: reference[0], first: reference[1], last: reference[2] }
            : null,
      );
    }
  });

  it('leaves lines already given as they were when more rows are added', () => {
    const runs = new SourceRuns();
    for (const r of [ref('qs.csv', 3), ref('qs.csv', 9)]) runs.add(r);
    const before = runs.lines();
    runs.add(ref('qs.csv', 10));
    runs.add(ref('ae.csv', 1));
    expect([...before]).toEqual([ref('qs.csv', 3), ref('qs.csv', 9)]);
    expect([...runs.lines()]).toHaveLength(4);
  });
});

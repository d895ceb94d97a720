import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues.js';
import fc from 'fast-check';
import { checkOneBodySystemPerTerm, checkSubjectsInDm, checkUniqueKey, samePrefix } from '../../src/lock/key-rules.js';
import type { Loose } from '../../src/lock/schema.js';
import type { AeRow } from '../../src/lock/types.js';

// Expected values: shared/dts/lock.md §Identity and keys, by hand.
const at = (line: number, o: Record<string, unknown>) => ({ src: { file: 'q.csv', line }, ...o });
const locs = (issues: Issue[]) => issues.map((i) => [i.file, i.line, i.column, i.rule]);

describe('checkUniqueKey', () => {
  it('reports the second occurrence naming the first line; null parts are skipped', () => {
    const rows = [
      at(2, { U: 'A', V: 1, T: 'X' }),
      at(3, { U: 'A', V: 1, T: 'Y' }),
      at(4, { U: 'A', V: 2, T: 'X' }),
      at(5, { U: 'B', V: 1, T: 'X' }),
      at(6, { U: 'A', V: 1, T: 'X' }),
      at(7, { U: 'A', V: null, T: 'X' }),
      at(8, { U: 'A', V: null, T: 'X' }),
      at(9, { U: 'A', V: 1, T: 'X' }),
    ] as { src: { file: string; line: number }; U: string; V: number | null; T: string }[];
    const issues: Issue[] = [];
    checkUniqueKey(rows, (r) => [r.U, r.V, r.T], 'T', 'key', issues);
    expect(locs(issues)).toEqual([
      ['q.csv', 6, 'T', 'duplicate key (first on line 2)'],
      ['q.csv', 9, 'T', 'duplicate key (first on line 2)'],
    ]);
  });
  it('reads the rows by position as they come, keeping the first position; a duplicate reads the first again', () => {
    // Rows made one at a time and never again (views of a large file): the first line is still named.
    type Row = { src: { file: string; line: number }; U: string; V: number };
    const made = [at(2, { U: 'A', V: 1 }), at(3, { U: 'A', V: 2 }), at(4, { U: 'A', V: 1 })] as Row[];
    const reads: number[] = [];
    const rows = { length: made.length, at: (i: number) => (reads.push(i), { ...(made[i] as Row) }) };
    const issues: Issue[] = [];
    checkUniqueKey(rows, (r) => [r.U, r.V], 'V', 'key', issues);
    expect(locs(issues)).toEqual([['q.csv', 4, 'V', 'duplicate key (first on line 2)']]);
    // Each row once; rows 0 and 1 again when row 2 ends their ascending run (entered in the maps only
    // then), then row 0 again for its line (a view's `src` is made only when a duplicate needs it).
    expect(reads).toEqual([0, 1, 2, 0, 1, 0]);
  });
  it('a number and its text are different key parts only if the column types differ (VISITNUM 5.1 = 5.10)', () => {
    const issues: Issue[] = [];
    checkUniqueKey(
      [at(2, { V: 5.1 }), at(3, { V: Number('5.10') })] as { src: { file: string; line: number }; V: number }[],
      (r) => [r.V],
      'V',
      'visit',
      issues,
    );
    expect(issues).toHaveLength(1);
  });
});

describe('checkSubjectsInDm', () => {
  it('flags rows of unknown subjects', () => {
    const issues: Issue[] = [];
    checkSubjectsInDm(
      [at(2, { USUBJID: 'S1' }), at(3, { USUBJID: 'S9' }), at(4, { USUBJID: null })] as never[],
      new Set(['S1']),
      issues,
    );
    expect(locs(issues)).toEqual([['q.csv', 3, 'USUBJID', 'subject S9 is not in dm.csv']]);
  });
});

describe('checkOneBodySystemPerTerm', () => {
  it('flags a second AEBODSYS for the same AEDECOD', () => {
    const rows = [
      at(2, { AEDECOD: 'Headache', AEBODSYS: 'Nervous system disorders' }),
      at(3, { AEDECOD: 'Rash', AEBODSYS: 'Skin and subcutaneous tissue disorders' }),
      at(4, { AEDECOD: 'Headache', AEBODSYS: 'Nervous system disorders' }),
      at(5, { AEDECOD: 'Headache', AEBODSYS: 'General disorders' }),
    ] as unknown as Loose<AeRow>[];
    const issues: Issue[] = [];
    checkOneBodySystemPerTerm(rows, issues);
    expect(locs(issues)).toEqual([
      [
        'q.csv',
        5,
        'AEBODSYS',
        "AEDECOD 'Headache' has AEBODSYS 'Nervous system disorders' on line 2: one AEBODSYS per AEDECOD",
      ],
    ]);
  });
});

describe('checkUniqueKey on runs of rows sharing a prefix (the node of the row before reused)', () => {
  it('samePrefix: all parts but the last equal, keys of two or more parts', () => {
    expect(samePrefix(['A', 1, 'X'], ['A', 1, 'Y'])).toBe(true);
    expect(samePrefix(['A', 1, 'X'], ['A', 2, 'X'])).toBe(false);
    expect(samePrefix(['A', 1], ['A', 1, 'X'])).toBe(false);
    expect(samePrefix(['A'], ['A'])).toBe(false);
  });
  it('reports exactly what a map of joined keys reports, sorted or not', () => {
    const row = fc.record({
      U: fc.constantFrom('A', 'B'),
      V: fc.constantFrom(1, 2, null),
      T: fc.constantFrom('X', 'Y'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (cells, sorted) => {
        const list = sorted ? [...cells].sort((a, b) => `${a.U}${a.V}`.localeCompare(`${b.U}${b.V}`)) : cells;
        const rows = list.map((c, i) => at(i + 2, c) as typeof c & { src: { file: string; line: number } });
        const issues: Issue[] = [];
        checkUniqueKey(rows, (r) => [r.U, r.V, r.T], 'T', 'key', issues);
        const first = new Map<string, number>();
        const expected: (string | number | null | undefined)[][] = [];
        for (const r of rows) {
          if (r.V === null) continue;
          const k = `${r.U}|${r.V}|${r.T}`;
          const line = first.get(k);
          if (line === undefined) first.set(k, r.src.line);
          else expected.push(['q.csv', r.src.line, 'T', `duplicate key (first on line ${line})`]);
        }
        expect(locs(issues)).toEqual(expected);
      }),
    );
  });
});

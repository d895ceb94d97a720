import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Issue } from '../../src/core/issues.js';
import {
  checkSubjectsInDm,
  checkUniqueKey,
  keyParts,
  subjectsInDmPass,
  uniqueKeyPass,
  type KeyPart,
} from '../../src/lock/key-rules.js';
import { passOver } from '../../src/lock/row-pass.js';
import { checkVisitNames, visitNamesPass } from '../../src/lock/visit-rules.js';

// Expected values: one pass per rule (the functions each rule had before the passes were joined).
type Row = {
  src: { file: string; line: number };
  USUBJID: string | null;
  VISITNUM: number | null;
  VISIT: string | null;
  T: string;
};
const at = (line: number, o: Omit<Row, 'src'>): Row => ({ src: { file: 'qs.csv', line }, ...o });
const locs = (issues: Issue[]) => issues.map((i) => [i.line, i.column, i.rule]);

describe('uniqueKeyPass, one group of a subject at a time', () => {
  it('a subject that comes back after another still has its duplicate found (the whole file checked again)', () => {
    const rows = [
      at(2, { USUBJID: 'A', VISITNUM: 1, VISIT: 'V1', T: 'X' }),
      at(3, { USUBJID: 'B', VISITNUM: 1, VISIT: 'V1', T: 'X' }),
      at(4, { USUBJID: 'A', VISITNUM: 1, VISIT: 'V1', T: 'X' }),
      at(5, { USUBJID: 'B', VISITNUM: 1, VISIT: 'V1', T: 'X' }),
    ];
    const issues: Issue[] = [];
    passOver(rows, [uniqueKeyPass(rows, (r) => [r.USUBJID, r.VISITNUM, r.T], 'T', 'key')], issues);
    expect(locs(issues)).toEqual([
      [4, 'T', 'duplicate key (first on line 2)'],
      [5, 'T', 'duplicate key (first on line 3)'],
    ]);
  });
  it('rows with a null part neither end a group nor start one', () => {
    const rows = [
      at(2, { USUBJID: 'A', VISITNUM: 1, VISIT: 'V1', T: 'X' }),
      at(3, { USUBJID: null, VISITNUM: 1, VISIT: 'V1', T: 'X' }),
      at(4, { USUBJID: 'B', VISITNUM: null, VISIT: 'V1', T: 'X' }),
      at(5, { USUBJID: 'A', VISITNUM: 1, VISIT: 'V1', T: 'X' }),
    ];
    const issues: Issue[] = [];
    passOver(rows, [uniqueKeyPass(rows, (r) => [r.USUBJID, r.VISITNUM, r.T], 'T', 'key')], issues);
    expect(locs(issues)).toEqual([[5, 'T', 'duplicate key (first on line 2)']]);
  });
});

describe('passOver', () => {
  it('gives the issues of one pass per rule, in the same order, whatever the rows', () => {
    const dm = new Set(['A', 'B']);
    const row = fc.record({
      USUBJID: fc.constantFrom('A', 'B', 'C', null),
      VISITNUM: fc.constantFrom(1, 2, null),
      VISIT: fc.constantFrom('SCREENING', 'WEEK 4', 'V1', null),
      T: fc.constantFrom('X', 'Y'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (cells, sorted) => {
        const list = sorted ? [...cells].sort((a, b) => String(a.USUBJID).localeCompare(String(b.USUBJID))) : cells;
        const rows = list.map((c, i) => at(i + 2, c));
        const key = (r: Row) => [r.USUBJID, r.VISITNUM, r.T];
        const seq = (r: Row) => [r.USUBJID, r.T];
        const separate: Issue[] = [];
        checkSubjectsInDm(rows, dm, separate);
        checkUniqueKey(rows, seq, 'T', 'seq', separate);
        checkUniqueKey(rows, key, 'T', 'key', separate);
        checkVisitNames(rows, separate);
        const joined: Issue[] = [];
        passOver(
          rows,
          [
            subjectsInDmPass<Row>(dm),
            uniqueKeyPass(rows, seq, 'T', 'seq'),
            uniqueKeyPass(rows, key, 'T', 'key'),
            visitNamesPass<Row>(),
          ],
          joined,
        );
        expect(joined).toEqual(separate);
      }),
    );
  });
});

describe('uniqueKeyPass, ascending runs entered in the maps only when needed', () => {
  // The reference: one map of joined keys over the whole file, the first line of each key.
  const expected = (rows: readonly Row[], key: (r: Row) => (string | number | null)[]) => {
    const first = new Map<string, number>();
    const out: (string | number)[][] = [];
    for (const r of rows) {
      const parts = key(r);
      if (parts.includes(null)) continue;
      const k = JSON.stringify(parts);
      const line = first.get(k);
      if (line === undefined) first.set(k, r.src.line);
      else out.push([r.src.line, 'T', `duplicate key (first on line ${line})`]);
    }
    return out;
  };
  it('reports what one map of joined keys reports: runs ascending, descending, broken off and resumed', () => {
    const row = fc.record({
      USUBJID: fc.constantFrom('A', 'B', null),
      VISITNUM: fc.constantFrom(1, 2, 3, null),
      VISIT: fc.constant('V'),
      T: fc.constantFrom('X1', 'X2', 'X3', 'X4'),
    });
    const order = fc.constantFrom('none', 'subject', 'subject-visit', 'all');
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), order, (cells, how) => {
        const text = (c: Omit<Row, 'src'>) =>
          how === 'none'
            ? ''
            : how === 'subject'
              ? `${c.USUBJID}`
              : how === 'subject-visit'
                ? `${c.USUBJID}${c.VISITNUM}`
                : `${c.USUBJID}${c.VISITNUM}${c.T}`;
        const list = [...cells].sort((a, b) => text(a).localeCompare(text(b)));
        const rows = list.map((c, i) => at(i + 2, c));
        for (const key of [
          (r: Row) => [r.USUBJID, r.VISITNUM, r.T],
          (r: Row) => [r.USUBJID, r.T],
          (r: Row) => [r.USUBJID, r.VISITNUM],
        ]) {
          const issues: Issue[] = [];
          passOver(rows, [uniqueKeyPass(rows, key, 'T', 'key')], issues);
          expect(locs(issues)).toEqual(expected(rows, key));
          // The same key read into one array for every row (keyParts), as the lock's QS and LB keys are.
          const reused: Issue[] = [];
          const into = (r: Row, k: KeyPart[]) => {
            const parts = key(r);
            return keyParts(k, parts[0] as KeyPart, parts[1] as KeyPart, parts[2]);
          };
          passOver(rows, [uniqueKeyPass(rows, into, 'T', 'key')], reused);
          expect(locs(reused)).toEqual(expected(rows, key));
        }
      }),
      { numRuns: 500, seed: 20261205 },
    );
  });
  it('a run that stops ascending, and a run of a prefix seen before, still find their duplicates', () => {
    const r = (line: number, v: number, t: string) => at(line, { USUBJID: 'A', VISITNUM: v, VISIT: 'V', T: t });
    const rows = [
      r(2, 1, 'X1'),
      r(3, 1, 'X2'),
      r(4, 1, 'X3'),
      r(5, 1, 'X2'),
      r(6, 2, 'X1'),
      r(7, 1, 'X3'),
      r(8, 2, 'X1'),
    ];
    const issues: Issue[] = [];
    passOver(rows, [uniqueKeyPass(rows, (x) => [x.USUBJID, x.VISITNUM, x.T], 'T', 'key')], issues);
    expect(locs(issues)).toEqual([
      [5, 'T', 'duplicate key (first on line 3)'],
      [7, 'T', 'duplicate key (first on line 4)'],
      [8, 'T', 'duplicate key (first on line 6)'],
    ]);
  });
});

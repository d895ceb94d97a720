import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Issue } from '../../src/core/issues.js';
import { checkSubjectsInDm, checkUniqueKey, subjectsInDmPass, uniqueKeyPass } from '../../src/lock/key-rules.js';
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

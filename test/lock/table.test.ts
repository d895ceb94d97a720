import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues.js';
import { parseCsv } from '../../src/lock/csv.js';
import type { TableSchema } from '../../src/lock/schema.js';
import { readTable, subjectsWithBrokenRows, type RowRule } from '../../src/lock/table.js';
import type { SourceRef } from '../../src/lock/types.js';

interface TRow {
  readonly src: SourceRef;
  readonly USUBJID: string;
  readonly CODE: string;
  readonly N: number;
  readonly N_DEC: number;
  readonly K: number;
  readonly D: string;
  readonly P: string;
  readonly OPT: string | null;
}

const schema: TableSchema<TRow> = {
  file: 't.csv',
  columns: {
    USUBJID: { type: 'char', req: 'Y' },
    CODE: { type: 'char', req: 'Y', terms: ['A', 'B'] },
    N: { type: 'num', req: 'C', decimals: true, min: 0, max: 3 },
    K: { type: 'int', req: 'C' },
    D: { type: 'date', req: 'C' },
    P: { type: 'pdate', req: 'C' },
    OPT: { type: 'char', req: 'O' },
  },
};

function run(text: string, rule?: RowRule<TRow>) {
  const issues: Issue[] = [];
  const csv = parseCsv(text, 't.csv', issues);
  if (csv === null) throw new Error('no header');
  return { ...readTable(schema, csv, issues, rule), issues: issues.map((i) => [i.line, i.column, i.rule]) };
}

const HEADER = 'USUBJID,CODE,N,K,D,P,EXTRA';

describe('readTable: header', () => {
  it('reads a valid table: types, decimals as written, date part kept, empty = null, optional column absent', () => {
    const r = run(`${HEADER}\nS1,A,1.50,7,2026-01-02T10:00,2025-11,whatever\nS2,B,,,,,\n`);
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ src: { file: 't.csv', line: 2 }, USUBJID: 'S1', CODE: 'A', N: 1.5, N_DEC: 2, K: 7, D: '2026-01-02', P: '2025-11', OPT: null });
    expect(r.rows[1]).toMatchObject({ N: null, N_DEC: null, K: null, D: null, P: null });
    expect(r.sound).toEqual([true, true]);
    expect(r.complete).toBe(true);
    expect(r.rows[0]).not.toHaveProperty('EXTRA');
  });
  it('accepts columns in any order', () => {
    const r = run('P,D,K,N,CODE,USUBJID\n2025,2026-01-01,1,2,B,S1\n');
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ USUBJID: 'S1', CODE: 'B', N: 2, K: 1, P: '2025' });
  });
  it('names a missing required or conditional column on line 1', () => {
    const r = run('USUBJID,CODE,N,K,P\nS1,A,1,1,2025\n');
    expect(r.issues).toEqual([[1, 'D', 'required column D is missing']]);
    expect(r.complete).toBe(false);
  });
  it('requires upper-case column names and a column only once', () => {
    const r = run('USUBJID,code,N,K,D,P,N\nS1,A,1,1,2026-01-01,2025,2\n');
    expect(r.issues).toEqual([
      [1, 'code', 'column name must be upper case: CODE'],
      [1, 'N', 'column N appears twice in the header'],
    ]);
  });
});

describe('readTable: cells', () => {
  const cell = (col: string, value: string) => {
    const cols = ['USUBJID', 'CODE', 'N', 'K', 'D', 'P'];
    const row = ['S1', 'A', '1', '1', '2026-01-01', '2025'];
    row[cols.indexOf(col)] = value;
    return run(`${cols.join(',')}\n${row.map((v) => (/[,"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`);
  };
  it.each([
    ['USUBJID', '', 'required value is missing'],
    ['CODE', 'C', "'C' is not one of the controlled terms: A, B"],
    ['CODE', 'a', "'a' is not one of the controlled terms: A, B"],
    ['N', 'NA', "'NA' is a placeholder: a missing value must be the empty field"],
    ['N', '.', "'.' is a placeholder: a missing value must be the empty field"],
    ['USUBJID', 'NULL', "'NULL' is a placeholder: a missing value must be the empty field"],
    ['N', '1,5', "'1,5' is not a plain decimal number (e.g. 12, 0.35, -1.5e-3)"],
    ['N', '3.01', '3.01 is outside the range 0 to 3'],
    ['N', '-1e-9', '-1e-9 is outside the range 0 to 3'],
    ['K', '2.0', "'2.0' is not a whole number"],
    ['D', '2026-02-30', "'2026-02-30' is not an ISO date (YYYY-MM-DD, optionally with Thh:mm or Thh:mm:ss)"],
    ['D', '2026-02', "'2026-02' is a partial date, not allowed in D"],
    ['P', '2026-00', "'2026-00' is not an ISO date or partial date (YYYY-MM-DD, YYYY-MM, YYYY)"],
  ])('%s = %j breaks: %s', (col, value, rule) => {
    const r = cell(col, value);
    expect(r.issues).toEqual([[2, col, rule]]);
    expect(r.sound).toEqual([false]);
    expect((r.rows[0] as unknown as Record<string, unknown>)[col]).toBeNull();
  });
  it('runs the row rule only on sound rows, reporting on the row line', () => {
    const seen: string[] = [];
    const r = run(`${HEADER}\nS1,A,1,1,2026-01-01,2025,\nS2,Z,1,1,2026-01-01,2025,\nS3,B,2,1,2026-01-01,2025,\n`, (row, report) => {
      seen.push(row.USUBJID ?? '');
      if (row.CODE === 'B') report('CODE', 'B needs N = 1');
    });
    expect(seen).toEqual(['S1', 'S3']);
    expect(r.issues).toEqual([
      [3, 'CODE', "'Z' is not one of the controlled terms: A, B"],
      [4, 'CODE', 'B needs N = 1'],
    ]);
    expect([...subjectsWithBrokenRows(r)]).toEqual(['S2']);
  });
  it('the same valid text gives the same value on every row (values are cached per column)', () => {
    const r = run(`${HEADER}\nS1,A,0.10,1,2026-01-01,2025,\nS1,A,0.10,1,2026-01-01,2025,\nS1,A,0.1,1,2026-01-01,2025,\n`);
    expect(r.rows.map((x) => [x.N, x.N_DEC])).toEqual([[0.1, 2], [0.1, 2], [0.1, 1]]);
  });
});

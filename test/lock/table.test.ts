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
    expect(r.rows[0]).toMatchObject({
      src: { file: 't.csv', line: 2 },
      USUBJID: 'S1',
      CODE: 'A',
      N: 1.5,
      N_DEC: 2,
      K: 7,
      D: '2026-01-02',
      P: '2025-11',
      OPT: null,
    });
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
  it('trims ASCII spaces around header names: a padded optional column is read, not dropped', () => {
    const r = run('USUBJID , CODE,N,K,D,P, OPT \nS1,A,1,1,2026-01-01,2025,yes\n');
    expect(r.issues).toEqual([]);
    expect(r.present.has('OPT')).toBe(true);
    expect(r.rows[0]).toMatchObject({ USUBJID: 'S1', OPT: 'yes' });
  });
  it('refuses a control or no-break space in a header name once, and still reads the column', () => {
    const r = run('USUBJID,CODE,N,K,D,P,OPT\u00a0\nS1,A,1,1,2026-01-01,2025,yes\n');
    expect(r.issues).toEqual([
      [1, 'OPT\u00a0', 'column name: a no-break space (U+00A0) at the end of the value: only ASCII spaces are trimmed'],
    ]);
    expect(r.rows[0]).toMatchObject({ OPT: 'yes' });
    const tab = run('USUBJID,CODE,N,K,D\t,P\nS1,A,1,1,2026-01-01,2025\n');
    expect(tab.issues).toEqual([
      [
        1,
        'D\\t',
        'column name: a control character U+0009 (TAB) at position 2: control and invisible formatting characters are not allowed in a cell',
      ],
    ]);
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
    ['N', '1e308', "1e308 is too large: a number's magnitude must be below 1e15"],
    ['N', '-1e308', "-1e308 is too large: a number's magnitude must be below 1e15"],
    ['K', '1000000000000000', "1000000000000000 is too large: a number's magnitude must be below 1e15"],
    ['D', '0024-03-01', "'0024-03-01' is outside the years 1900–2100"],
    ['P', '0099', "'0099' is outside the years 1900–2100"],
    ['P', '2101-01', "'2101-01' is outside the years 1900–2100"],
    ['USUBJID', 'S1\u00a0', 'a no-break space (U+00A0) at the end of the value: only ASCII spaces are trimmed'],
    [
      'CODE',
      'A\u001b[2J',
      'a control character U+001B (ESC) at position 2: control and invisible formatting characters are not allowed in a cell',
    ],
    [
      'USUBJID',
      '\u202eS1',
      'a bidirectional formatting character U+202E at position 1: control and invisible formatting characters are not allowed in a cell',
    ],
    ['USUBJID', '   ', 'required value is missing'],
  ])('%s = %j breaks: %s', (col, value, rule) => {
    const r = cell(col, value);
    expect(r.issues).toEqual([[2, col, rule]]);
    expect(r.sound).toEqual([false]);
    expect((r.rows[0] as unknown as Record<string, unknown>)[col]).toBeNull();
  });
  it('runs the row rule only on sound rows, reporting on the row line', () => {
    const seen: string[] = [];
    const r = run(
      `${HEADER}\nS1,A,1,1,2026-01-01,2025,\nS2,Z,1,1,2026-01-01,2025,\nS3,B,2,1,2026-01-01,2025,\n`,
      (row, report) => {
        seen.push(row.USUBJID ?? '');
        if (row.CODE === 'B') report('CODE', 'B needs N = 1');
      },
    );
    expect(seen).toEqual(['S1', 'S3']);
    expect(r.issues).toEqual([
      [3, 'CODE', "'Z' is not one of the controlled terms: A, B"],
      [4, 'CODE', 'B needs N = 1'],
    ]);
    expect([...subjectsWithBrokenRows(r)]).toEqual(['S2']);
  });
  it('trims ASCII spaces around every value: a padded term, number, date; spaces only = missing', () => {
    const r = run(`${HEADER}\n S1 , A ,  0.5,7 , 2026-01-02, 2025 , x \nS2,B,   ,,,,\n`);
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ USUBJID: 'S1', CODE: 'A', N: 0.5, N_DEC: 1, K: 7, D: '2026-01-02', P: '2025' });
    expect(r.rows[1]).toMatchObject({ N: null, N_DEC: null });
  });
  it('a padded placeholder is still a placeholder', () => {
    expect(cell('N', ' NA ').issues).toEqual([
      [2, 'N', "'NA' is a placeholder: a missing value must be the empty field"],
    ]);
  });
  it('rounds a number with more than 15 significant digits, with one notice per column at the first', () => {
    const r = run(`${HEADER}\nS1,A,0.35000000000000003,1,,,\nS2,A,1.5,1,,,\nS3,A,1.1234567890123456789,1,,,\n`);
    expect(r.rows.map((x) => [x.N, x.N_DEC])).toEqual([
      [0.35, 2],
      [1.5, 1],
      [1.12345678901235, 14],
    ]);
    expect(r.issues).toEqual([
      [
        2,
        'N',
        '2 values written with more than 15 significant digits, read rounded to 15 (first: 0.35000000000000003 read as 0.35)',
      ],
    ]);
    expect(r.sound).toEqual([true, true, true]);
  });
  it('refuses a control character in a column the schema does not know (kept and ignored, not unchecked)', () => {
    const r = run(`${HEADER}\nS1,A,1,1,2026-01-01,2025,"note\u001b[2J"\n`);
    expect(r.issues).toEqual([
      [
        2,
        'EXTRA',
        'a control character U+001B (ESC) at position 5: control and invisible formatting characters are not allowed in a cell',
      ],
    ]);
  });
  it('the same valid text gives the same value on every row (values are cached per column)', () => {
    const r = run(
      `${HEADER}\nS1,A,0.10,1,2026-01-01,2025,\nS1,A,0.10,1,2026-01-01,2025,\nS1,A,0.1,1,2026-01-01,2025,\n`,
    );
    expect(r.rows.map((x) => [x.N, x.N_DEC])).toEqual([
      [0.1, 2],
      [0.1, 2],
      [0.1, 1],
    ]);
  });
});

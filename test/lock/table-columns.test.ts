/**
 * The columnar row layout (`readTable(..., 'columns')`, used for qs.csv and lb.csv) reads exactly what
 * the object layout reads: the same values, nulls, decimals, source lines and issues, in the same order;
 * each row holds one own field (its index), not a field per column.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues.js';
import { parseCsv } from '../../src/lock/csv.js';
import type { TableSchema } from '../../src/lock/schema.js';
import { eachRow, readTable, type RowLayout, type RowRule } from '../../src/lock/table.js';
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
    N: { type: 'num', req: 'C', decimals: true, min: -5, max: 3 },
    K: { type: 'int', req: 'C' },
    D: { type: 'date', req: 'C' },
    P: { type: 'pdate', req: 'C' },
    OPT: { type: 'char', req: 'O' },
  },
};

const rule: RowRule<TRow> = (row, report) => {
  if (row.CODE === 'B' && row.N !== 1) report('N', 'B needs N = 1');
};

/** Every enumerable field of a row, own or inherited (a columnar row's are getters on its prototype). */
function fields(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) if (key !== 'i') out[key] = (row as Record<string, unknown>)[key];
  return out;
}

function read(text: string, layout: RowLayout, sizeHint?: number) {
  const issues: Issue[] = [];
  const csv = parseCsv(text, 't.csv', issues);
  if (csv === null) throw new Error('no header');
  const table = sizeHint === undefined ? csv : { ...csv, maxRecords: () => sizeHint };
  const r = readTable(schema, table, issues, rule, layout);
  return { rows: r.rows.map(fields), sound: r.sound, issues, own: r.rows.map((row) => Object.keys(row).length) };
}

const LINES = [
  'S1,A,1.50,7,2026-01-02T10:00,2025-11,x',
  ' S2 , B ,  -0,-0 , 2026-01-02, 2025 , ',
  'S3,B,1,,,,',
  'S4,Z,0.35000000000000003,1,2026-02-30,2025,y',
  'S5,A,NA,2.0,,2026-00,',
  '"S6, quoted","A","-1.5e-3",3,2026-03-01,2026,"multi\r\nline"',
  'S7,A,,1',
  'S1,A,1.50,7,2026-01-02T10:00,2025-11,x',
  'S8,   ,  ,,,,',
];

describe('readTable: columnar layout', () => {
  const text = `USUBJID,CODE,N,K,D,P,OPT\n${LINES.join('\n')}\n`;
  const objects = read(text, 'objects');
  const columns = read(text, 'columns');

  it('reads the same rows, soundness and issues as the object layout', () => {
    expect(columns.rows).toEqual(objects.rows);
    expect(columns.sound).toEqual(objects.sound);
    expect(columns.issues).toEqual(objects.issues);
    // Not vacuous: the input has broken cells, a row-rule issue, a dropped record and a rounding notice.
    expect(objects.issues.map((i) => i.rule)).toEqual(
      expect.arrayContaining([
        'B needs N = 1',
        'row has 4 fields, the header has 7',
        expect.stringMatching(/read rounded to 15/),
      ]),
    );
    expect(objects.rows).toHaveLength(8);
  });
  it('keeps -0, decimals, null and the source line of each row', () => {
    expect(Object.is(columns.rows[1]?.N, -0)).toBe(true);
    expect(columns.rows[0]).toMatchObject({
      N: 1.5,
      N_DEC: 2,
      D: '2026-01-02',
      P: '2025-11',
      src: { file: 't.csv', line: 2 },
    });
    expect(columns.rows[2]).toMatchObject({ K: null, D: null, OPT: null, N_DEC: 0 });
    expect(columns.rows[6]).toMatchObject({ USUBJID: 'S1', src: { line: 10 } });
    expect(columns.rows[5]).toMatchObject({ USUBJID: 'S6, quoted', OPT: 'multi\r\nline', N: -0.0015, N_DEC: 4 });
  });
  it('holds no row: each read of `rows` makes new views, `rowsAt` and `eachRow` one at a time', () => {
    const issues: Issue[] = [];
    const csv = parseCsv(text, 't.csv', issues);
    if (csv === null) throw new Error('no header');
    const r = readTable(schema, csv, issues, rule, 'columns');
    expect(r.rows).not.toBe(r.rows);
    expect(r.rows[0]).not.toBe(r.rows[0]);
    expect(r.rowsAt.length).toBe(r.rows.length);
    expect(Array.from({ length: r.rowsAt.length }, (_, i) => fields(r.rowsAt.at(i)))).toEqual(objects.rows);
    expect([...eachRow(r.rowsAt)].map(fields)).toEqual(objects.rows);
    // The object layout keeps its one array of rows.
    const o = readTable(schema, csv, [], rule, 'objects');
    expect(o.rows).toBe(o.rows);
    expect(o.rowsAt.at(3)).toBe(o.rows[3]);
  });
  it('holds one own field per row, the values in its columns', () => {
    expect(new Set(columns.own)).toEqual(new Set([1]));
    expect(new Set(objects.own)).not.toEqual(new Set([1]));
  });
  it('sizes its columns by the line count, and grows them past a size hint without losing a value', () => {
    const many = Array.from(
      { length: 2500 },
      (_, i) =>
        `S${i},${i % 2 === 0 ? 'A' : 'B'},${i % 2 === 0 ? (i % 7) / 4 : 1},${i},2026-01-0${1 + (i % 9)},${2000 + (i % 50)},`,
    );
    const big = `USUBJID,CODE,N,K,D,P,OPT\n${many.join('\n')}\n`;
    const expected = read(big, 'objects').rows;
    expect(read(big, 'columns').rows).toEqual(expected);
    expect(read(big, 'columns', 1).rows).toEqual(expected);
    expect(read(big, 'columns', 0).rows).toEqual(expected);
  });
  it('widens a text column from one to two to four bytes a code as distinct values pass 255 and 65,535', () => {
    // USUBJID: a new value every row (70,000 > 65,535); P: a few, repeated (stays one byte).
    const many = Array.from({ length: 70_000 }, (_, i) => `SUBJ-${i},A,1,${i},,${2000 + (i % 3)},`);
    const big = `USUBJID,CODE,N,K,D,P,OPT\n${many.join('\n')}\n`;
    const rows = read(big, 'columns').rows;
    expect(rows).toHaveLength(70_000);
    for (const i of [0, 254, 255, 256, 65_534, 65_535, 65_536, 69_999])
      expect(rows[i]).toMatchObject({ USUBJID: `SUBJ-${i}`, P: String(2000 + (i % 3)), K: i });
    expect(new Set(rows.map((r) => r.USUBJID)).size).toBe(70_000);
  });

  it('codes a numeric column (value and decimals) until it has 65,535 distinct texts, then stores doubles', () => {
    // N: 70,000 distinct texts with 5 to 7 decimals, in a scrambled order; K: a few values.
    const text = (i: number) => (i / 100_000 - 0.3).toFixed(5) + '0'.repeat(i % 3);
    const many = Array.from({ length: 70_000 }, (_, i) => `S${i % 9},A,${text((i * 7919) % 70_000)},${i % 4},,,`);
    const big = `USUBJID,CODE,N,K,D,P,OPT\n${many.join('\n')}\n,A,,,,,\n`;
    const columns = read(big, 'columns');
    const objects = read(big, 'objects');
    expect(columns.rows).toEqual(objects.rows);
    expect(columns.issues).toEqual(objects.issues);
    expect(new Set(columns.rows.map((r) => r.N))).toHaveProperty('size', 70_001);
    expect(new Set(columns.rows.map((r) => r.N_DEC))).toEqual(new Set([5, 6, 7, null]));
    expect(columns.rows.at(-1)).toMatchObject({ N: null, N_DEC: null, K: null });
  });
});

describe('readTable: columnar layout, source lines kept as runs of consecutive lines', () => {
  it('the line of every row after blank lines, records over several lines and dropped records', () => {
    const parts: string[] = [];
    for (let i = 0; i < 60; i++) {
      parts.push(i % 7 === 3 ? `S${i},A,,,,,"two\nlines"` : `S${i},A,,,,,`);
      if (i % 11 === 5) parts.push('');
      if (i % 13 === 8) parts.push('S,A,wrong,width');
    }
    const text = `USUBJID,CODE,N,K,D,P,OPT\n${parts.join('\n')}\n`;
    const lines = (layout: RowLayout) => read(text, layout).rows.map((r) => (r.src as SourceRef).line);
    const columns = lines('columns');
    expect(columns).toEqual(lines('objects'));
    // Not vacuous: rows 0..59, each on its own line, with many breaks in the run of lines.
    expect(columns).toHaveLength(60);
    expect(columns.filter((line, i) => i > 0 && line !== (columns[i - 1] as number) + 1).length).toBeGreaterThan(15);
  });
  it('a file without breaks: line = position + 2', () => {
    const text = `USUBJID,CODE,N,K,D,P,OPT\n${Array.from({ length: 50 }, (_, i) => `S${i},A,,,,,`).join('\n')}\n`;
    expect(read(text, 'columns').rows.map((r) => (r.src as SourceRef).line)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 2),
    );
  });
});

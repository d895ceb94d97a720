/**
 * Cell tables (src/output/cell-table.ts): a dataset's cells column by column, in blocks of rows, as the
 * CSV, XPT and Dataset-JSON writers read them. Whatever the blocks, each writer gives the bytes it gives
 * for the same rows as objects in one block (and the CSV the bytes of the row writer, csv.ts
 * spreadsheetSafeCsvOf).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableOfColumns, tableOfRows, type Cell, type CellTable } from '../../src/output/cell-table.js';
import { spreadsheetSafeCsvOf, spreadsheetSafeTablePieces } from '../../src/output/csv.js';
import { writeDatasetJson } from '../../src/submission/dataset-json.js';
import { SubmissionError } from '../../src/submission/columns.js';
import { writeXpt } from '../../src/submission/xpt.js';
import { SAMPLE_META, SAMPLE_ROWS } from '../submission/samples.js';

const NAMES = ['A', 'B', 'C'];
/** Cells a CSV must quote, neutralize or encode, and numbers of every kind. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'plain', '=1+2', '-1.5', 'a,b', 'say "hi"', 'line\nbreak', 'Zürich', '\u{1F600}'),
);
const rows = fc.array(fc.record({ A: cell, B: cell, C: cell }), { maxLength: 40 });

function columnsOf(rs: readonly Record<string, Cell>[]): Cell[][] {
  return NAMES.map((n) => rs.map((r) => r[n] as Cell));
}

function cellsOf(table: CellTable): Cell[][] {
  const cells: Cell[][] = table.names.map(() => []);
  for (const b of table.blocks()) b.columns.forEach((c, j) => (cells[j] as Cell[]).push(...c.slice(0, b.length)));
  return cells;
}

describe('tableOfRows', () => {
  it('gives every row once, in order, whatever the rows per block', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 9 }), (rs, perBlock) => {
        const table = tableOfRows(NAMES, rs, perBlock);
        expect(table.length).toBe(rs.length);
        expect(cellsOf(table)).toEqual(columnsOf(rs));
      }),
    );
  });
});

describe('spreadsheetSafeTablePieces', () => {
  const byRows = (rs: readonly Record<string, Cell>[]) => spreadsheetSafeCsvOf(NAMES, rs, (r, c) => r[c] as Cell);
  const joined = (table: CellTable) => [...spreadsheetSafeTablePieces('t', table)].join('');

  it('writes the bytes of the row writer, from columns or from rows in blocks', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 9 }), (rs, perBlock) => {
        const expected = byRows(rs);
        expect(joined(tableOfColumns(NAMES, rs.length, columnsOf(rs)))).toBe(expected);
        expect(joined(tableOfRows(NAMES, rs, perBlock))).toBe(expected);
      }),
    );
  });

  it('names the row and column of a cell that is not a string, number or null', () => {
    const table = tableOfRows(
      NAMES,
      [
        { A: 1, B: 2, C: 3 },
        { A: 1, B: true, C: 3 },
      ],
      1,
    );
    expect(() => joined(table)).toThrowError('t: row 2, column B holds boolean, not string, number or null');
  });
});

describe('XPT and Dataset-JSON of a table in blocks', () => {
  // Enough rows for several XPT and Dataset-JSON pieces (64 KiB, 1,000 rows), across blocks of any size.
  const many = Array.from({ length: 1700 }, (_, i) => SAMPLE_ROWS[i % SAMPLE_ROWS.length]!);
  const names = SAMPLE_META.variables.map((v) => v.name);
  const ctx = {
    lockedAt: '2027-01-15',
    version: '0.1.0',
    system: 'sle-msc',
    studyOID: 'S',
    metaDataVersionOID: 'MDV.S',
    originator: 'S',
    sourceSystem: { name: 'sle-msc', version: '0.1.0' },
  };
  const xpt = Buffer.from(writeXpt(SAMPLE_META, many, ctx));
  const json = writeDatasetJson(SAMPLE_META, many, ctx);

  it.each([1, 7, 999, 1700])('gives the same bytes in blocks of %i rows', (perBlock) => {
    const table = tableOfRows(names, many, perBlock);
    expect(Buffer.from(writeXpt(SAMPLE_META, table, ctx)).equals(xpt)).toBe(true);
    expect(writeDatasetJson(SAMPLE_META, table, ctx)).toBe(json);
  });

  it('lists the problems variable by variable, each in row order, whatever the blocks', () => {
    const bad = many.map((r, i) => (i % 600 === 5 ? { ...r, USUBJID: 'é', SEQ: 0.5 } : r));
    const message = (table: CellTable | typeof bad) => {
      try {
        writeXpt(SAMPLE_META, table, ctx);
      } catch (e) {
        expect(e).toBeInstanceOf(SubmissionError);
        return (e as Error).message;
      }
      return 'no error';
    };
    const expected = message(bad);
    expect(expected).toMatch(/row 6, USUBJID.*\n.*row 606, USUBJID(.|\n)*row 6, SEQ/);
    expect(message(tableOfRows(names, bad, 7))).toBe(expected);
  });
});

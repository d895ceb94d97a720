/**
 * CSV as dts/ard.md fixes it for every CSV this tool writes: UTF-8 without BOM, LF line ends, a
 * header row, a field quoted only where RFC 4180 requires it (it holds a comma, a double quote, CR or
 * LF; quotes inside are doubled), numbers as JavaScript prints a double (`String(x)`, the shortest
 * round-trip form), null as an empty field. Written by hand (a dozen lines) so that no library
 * option can change a byte.
 */
import type { CellTable } from './cell-table.js';
import { specialAscii, TextBytes } from './text-bytes.js';

export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`a CSV number must be finite: ${value}`);
    return String(value);
  }
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** Header and records, each line ended by LF (so the file ends with one). */
export function csvText(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return [header, ...records].map((r) => `${csvLine(r)}\n`).join('');
}

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a spreadsheet opening the CSV evaluates a
 * text cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula (`=HYPERLINK(…)` in an AE term
 * of the lock would become a live link). OWASP's remedy: prefix such a cell with a single quote, which
 * spreadsheets show as text. Only text cells are touched, and among them not those that are a plain
 * decimal number (`-1.5`, `+3`, `-1e-7`): a spreadsheet reads those as the number they are. Numbers
 * (JavaScript numbers) and null never change.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutralizeFormula(value: CsvValue): CsvValue {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** csvText with every text cell neutralized (neutralizeFormula); for CSVs a person may open in a spreadsheet. */
export function spreadsheetSafeCsvText(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return spreadsheetSafeCsvOf(header, records, (record, _column, j) => record[j] as CsvValue);
}

/**
 * `spreadsheetSafeCsvText(columns, rows.map((row, i) => columns.map((c, j) => cell(row, c, j, i))))`, the
 * same bytes: spreadsheetSafeCsvPieces joined.
 */
export function spreadsheetSafeCsvOf<R>(
  columns: readonly string[],
  rows: readonly R[],
  cell: (row: R, column: string, j: number, i: number) => CsvValue,
): string {
  return [...spreadsheetSafeCsvPieces(columns, rows, cell)].join('');
}

/**
 * spreadsheetSafeCsvOf's text in pieces of at most RECORDS_PER_PIECE lines and about PIECE_BYTES (text-bytes.ts; joined,
 * the same bytes), made while they are written: a large dataset's CSV (~0.26 GB for 20,000 subjects' PRO records) is then
 * never one string, nor an array of its lines. The lines are built as bytes (TextBytes): no array per
 * record, no string per field or line (the ADaM CSVs of a 2,000-subject lock hold ~1M rows).
 */
export function* spreadsheetSafeCsvPieces<R>(
  columns: readonly string[],
  rows: readonly R[],
  cell: (row: R, column: string, j: number, i: number) => CsvValue,
): Generator<string> {
  yield `${columns.map(safeField).join(',')}\n`;
  const width = columns.length;
  const out = new TextBytes();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as R;
    for (let j = 0; j < width; j++) {
      if (j > 0) out.appendCode(COMMA);
      appendSafeField(out, cell(row, columns[j] as string, j, i));
    }
    out.appendCode(LF);
    const piece = out.endRecord();
    if (piece !== undefined) yield piece;
  }
  const last = out.lastPiece();
  if (last !== undefined) yield last;
}

/**
 * spreadsheetSafeCsvPieces of a table's cells (read column array by column array: see cell-table.ts),
 * the same bytes and pieces. A cell that is not a string, number or null throws a TypeError naming
 * `name`, the row and the column.
 */
export function* spreadsheetSafeTablePieces(name: string, table: CellTable): Generator<string> {
  const { names } = table;
  yield `${names.map(safeField).join(',')}\n`;
  const out = new TextBytes();
  for (const { start, length, columns } of table.blocks())
    for (let k = 0; k < length; k++) {
      appendSafeLine(out, name, names, columns, start, k);
      const piece = out.endRecord();
      if (piece !== undefined) yield piece;
    }
  const last = out.lastPiece();
  if (last !== undefined) yield last;
}

/** Row k of the block's columns as a line, LF included. */
function appendSafeLine(
  out: TextBytes,
  name: string,
  names: readonly string[],
  columns: readonly (readonly CsvValue[])[],
  start: number,
  k: number,
): void {
  for (let j = 0; j < columns.length; j++) {
    if (j > 0) out.appendCode(COMMA);
    const v = (columns[j] as readonly CsvValue[])[k] as CsvValue;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw notACell(name, start + k, names[j], v);
    appendSafeField(out, v);
  }
  out.appendCode(LF);
}

function notACell(name: string, i: number, column: string | undefined, v: unknown): TypeError {
  return new TypeError(`${name}: row ${i + 1}, column ${column} holds ${typeof v}, not string, number or null`);
}

const COMMA = 0x2c;
const LF = 0x0a;
/** `"` `,` CR LF: a field holding one is quoted (csvField). */
const QUOTED = specialAscii([0x22, COMMA, 0x0d, LF]);

/**
 * Appends `safeField(value)`. A text that is plain ASCII, holds nothing to quote and cannot start a
 * formula (nearly every cell) is copied as it is while being checked; any other goes through safeField.
 */
function appendSafeField(out: TextBytes, value: CsvValue): void {
  if (value === null) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`a CSV number must be finite: ${value}`);
    out.appendNumber(value);
  } else if (startsFormula(value) || !out.appendPlainAscii(value, QUOTED)) out.append(safeField(value));
}

function startsFormula(value: string): boolean {
  // The length checked first: charCodeAt past the end (an empty cell) deoptimized the writer that
  // inlined this ("out of bounds") and had V8 compile it again.
  if (value.length === 0) return false;
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** `csvField(neutralizeFormula(value))`, with the formula check on the first character's code. */
function safeField(value: CsvValue): string {
  if (typeof value !== 'string') return csvField(value);
  const formula = startsFormula(value) && !PLAIN_NUMBER.test(value);
  return csvField(formula ? `'${value}` : value);
}

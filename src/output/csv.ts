/**
 * CSV as dts/ard.md fixes it for every CSV this tool writes: UTF-8 without BOM, LF line ends, a
 * header row, a field quoted only where RFC 4180 requires it (it holds a comma, a double quote, CR or
 * LF; quotes inside are doubled), numbers as JavaScript prints a double (`String(x)`, the shortest
 * round-trip form), null as an empty field. Written by hand (a dozen lines) so that no library
 * option can change a byte.
 */
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
 * same bytes, in one pass: no array per record, no neutralized copy of it, no array of fields per line
 * (the ADaM CSVs of a 2,000-subject lock hold ~1M rows; those arrays were most of the writer's garbage).
 */
export function spreadsheetSafeCsvOf<R>(
  columns: readonly string[],
  rows: readonly R[],
  cell: (row: R, column: string, j: number, i: number) => CsvValue,
): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = columns.map(safeField).join(',');
  const width = columns.length;
  // One array of fields reused for every line: `join` makes each line one flat string, where `+=` per
  // field would keep a tree of partial strings alive until the file is joined.
  const fields = new Array<string>(width);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as R;
    for (let j = 0; j < width; j++) fields[j] = safeField(cell(row, columns[j] as string, j, i));
    lines[i + 1] = fields.join(',');
  }
  // Every line ended by LF, as csvText writes them.
  return `${lines.join('\n')}\n`;
}

/** Lines per piece of spreadsheetSafeCsvPieces. */
const LINES_PER_PIECE = 1000;

/**
 * spreadsheetSafeCsvOf's text in pieces of at most LINES_PER_PIECE lines (joined, the same bytes),
 * made while they are written: a large dataset's CSV (~0.26 GB for 20,000 subjects' PRO records) is then
 * never one string, nor an array of its lines.
 */
export function* spreadsheetSafeCsvPieces<R>(
  columns: readonly string[],
  rows: readonly R[],
  cell: (row: R, column: string, j: number, i: number) => CsvValue,
): Generator<string> {
  yield `${columns.map(safeField).join(',')}\n`;
  const width = columns.length;
  const fields = new Array<string>(width);
  for (let start = 0; start < rows.length; start += LINES_PER_PIECE) {
    const end = Math.min(rows.length, start + LINES_PER_PIECE);
    const lines = new Array<string>(end - start);
    for (let i = start; i < end; i++) {
      const row = rows[i] as R;
      for (let j = 0; j < width; j++) fields[j] = safeField(cell(row, columns[j] as string, j, i));
      lines[i - start] = fields.join(',');
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** `csvField(neutralizeFormula(value))`, with the formula check on the first character's code. */
function safeField(value: CsvValue): string {
  if (typeof value !== 'string') return csvField(value);
  const c = value.charCodeAt(0);
  const formula = (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) && !PLAIN_NUMBER.test(value);
  return csvField(formula ? `'${value}` : value);
}

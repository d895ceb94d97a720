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
  return csvText(header.map((h) => neutralizeFormula(h) as string), records.map((r) => r.map(neutralizeFormula)));
}

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

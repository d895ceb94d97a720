/**
 * The order of `ard.csv` (../shared/dts/ard.md): rows sorted by the eight key columns in turn, each
 * compared by UTF-16 code units (plain `<`, not localeCompare, so `WEEK12` sorts before `WEEK4` on
 * every machine), so two runs can be diffed line by line. analyzeAll returns its rows in this order
 * and the ARD writer (src/output/ard-csv.ts) writes them so.
 */
import { ARD_KEY_COLUMNS, type ArdRow } from './types.js';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of ARD rows: the eight key columns in turn, by UTF-16 code units. */
export function compareArdRows(a: ArdRow, b: ArdRow): number {
  for (const c of ARD_KEY_COLUMNS) {
    const d = compareStrings(a[c], b[c]);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Sorted copy of the rows. Two rows with the same key are a bug upstream (a table could not tell
 * which to show) and throw. Rows already in order (analyzeAll returns them so, and ard.csv is written
 * from them) are only checked: one comparison a row instead of a sort.
 */
export function sortArdRows(rows: readonly ArdRow[]): ArdRow[] {
  if (strictlyAscending(rows)) return [...rows];
  const sorted = [...rows].sort(compareArdRows);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as ArdRow;
    const b = sorted[i] as ArdRow;
    if (compareArdRows(a, b) === 0) {
      throw new Error(`duplicate ARD key: ${ARD_KEY_COLUMNS.map((c) => `${c}=${a[c]}`).join(' ')}`);
    }
  }
  return sorted;
}

/** Every row before the next by compareArdRows (so no two are equal). */
function strictlyAscending(rows: readonly ArdRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (compareArdRows(rows[i - 1] as ArdRow, rows[i] as ArdRow) >= 0) return false;
  return true;
}

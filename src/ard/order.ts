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

/**
 * Order of ARD rows: the eight key columns in turn (ARD_KEY_COLUMNS' order, which a test holds this to),
 * by UTF-16 code units. Written out column by column: a property read by name is several times faster
 * than `a[c]` over a list of names, and a run compares the ~30,000 rows twice (analyzeAll, ard.csv).
 */
export function compareArdRows(a: ArdRow, b: ArdRow): number {
  return (
    compareStrings(a.endpoint, b.endpoint) ||
    compareStrings(a.param, b.param) ||
    compareStrings(a.visit, b.visit) ||
    compareStrings(a.population, b.population) ||
    compareStrings(a.group, b.group) ||
    compareStrings(a.comparator, b.comparator) ||
    compareStrings(a.stat, b.stat) ||
    compareStrings(a.method, b.method)
  );
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

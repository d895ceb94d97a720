/**
 * `ard.csv` and the ADaM-like dataset CSVs (dts/ard.md). ARD rows are written in the ARD's order
 * (src/ard/order.ts: the eight key columns by UTF-16 code units). Both are written with
 * text cells neutralized against spreadsheet formula injection (csv.ts `spreadsheetSafeCsvOf`).
 */
import { ARD_COLUMNS } from '../ard/types.js';
import type { ArdRow } from '../ard/types.js';
import { sortArdRows } from '../ard/order.js';
import { tableOfRows, type CellTable } from './cell-table.js';
import { spreadsheetSafeCsvOf, spreadsheetSafeCsvPieces, spreadsheetSafeTablePieces } from './csv.js';
import type { CsvValue } from './csv.js';

export function ardToCsv(rows: readonly ArdRow[]): string {
  return spreadsheetSafeCsvOf(ARD_COLUMNS, sortArdRows(rows), ardCell);
}

/** ardToCsv's text in pieces of 1,000 lines, made while written (spreadsheetSafeCsvPieces): never one string. */
export function ardCsvPieces(rows: readonly ArdRow[]): Iterable<string> {
  return spreadsheetSafeCsvPieces(ARD_COLUMNS, sortArdRows(rows), ardCell);
}

const ardCell = (r: ArdRow, c: string): CsvValue => r[c as (typeof ARD_COLUMNS)[number]];

export type DatasetValue = string | number | null;

/**
 * An analysis dataset as written: its name (file `<name>.csv`, chosen by the caller), the columns in
 * order, and rows whose listed columns hold string, number or null. Rows are written in the order
 * given (a dataset's sort order is its deriver's business).
 */
export interface Dataset<R extends { readonly [K in keyof R]: DatasetValue }> {
  readonly name: string;
  readonly columns: readonly (keyof R & string)[];
  readonly rows: readonly R[];
  /** The same cells column by column (`columns` in order), when the dataset has them so: read instead of `rows`. */
  readonly table?: CellTable;
}

export function datasetToCsv<R extends { readonly [K in keyof R]: DatasetValue }>(ds: Dataset<R>): string {
  return [...datasetCsvPieces(ds)].join('');
}

/** datasetToCsv's text in pieces of 1,000 lines, made while written (spreadsheetSafeCsvPieces). */
export function datasetCsvPieces<R extends { readonly [K in keyof R]: DatasetValue }>(
  ds: Dataset<R>,
): Iterable<string> {
  if (new Set(ds.columns).size !== ds.columns.length) throw new Error(`${ds.name}: duplicate column names`);
  return spreadsheetSafeTablePieces(ds.name, ds.table ?? tableOfRows(ds.columns, ds.rows));
}

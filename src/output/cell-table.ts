/**
 * A dataset's cells held column by column, as its writers (CSV, SAS transport, Dataset-JSON) read them:
 * each column a plain array, read by index. A dataset made as row objects was read by column name
 * (`row[name]`) by each of the three writers and by the checks before them; with ~20 column names per
 * dataset those reads are megamorphic property lookups, most of the writers' time. Here a dataset is
 * read as blocks of consecutive rows: one block holding every row for a dataset made as columns, or
 * rows read by name block by block (`tableOfRows`) for a writer given row objects (its tests, and the
 * largest datasets, held packed as record views while written: see src/derive/dataset.ts).
 */

export type Cell = string | number | null;

/** Rows `start` … `start + length − 1` of a table: `columns[j][k]` is column j of row `start + k`. */
export interface CellBlock {
  readonly start: number;
  readonly length: number;
  readonly columns: readonly (readonly Cell[])[];
}

export interface CellTable {
  /** Column names, in order. */
  readonly names: readonly string[];
  /** Rows. */
  readonly length: number;
  /**
   * The rows as blocks, in order, covering all of them. A block may be overwritten by the next (a
   * reader uses each before asking for the next); a table of no rows has no block.
   */
  blocks(): Iterable<CellBlock>;
}

/** A table whose `columns[j]` (of `length` cells each) is column `names[j]`: one block. */
export function tableOfColumns(
  names: readonly string[],
  length: number,
  columns: readonly (readonly Cell[])[],
): CellTable {
  const block: CellBlock = { start: 0, length, columns };
  return { names, length, blocks: () => (length === 0 ? [] : [block]) };
}

/** Rows per block of tableOfRows: its arrays then stay small whatever the dataset's size. */
export const ROWS_PER_BLOCK = 4096;

/**
 * The rows' values of `names`, read by name block by block into arrays reused from block to block. A
 * value is given as the row holds it (undefined for a missing column, anything for a bad one): the
 * writers check every cell before writing, and name the row and column of one that is not a Cell.
 */
export function tableOfRows(
  names: readonly string[],
  rows: readonly object[],
  rowsPerBlock = ROWS_PER_BLOCK,
): CellTable {
  return { names, length: rows.length, blocks: () => blocksOfRows(names, rows, rowsPerBlock) };
}

function* blocksOfRows(names: readonly string[], rows: readonly object[], rowsPerBlock: number): Generator<CellBlock> {
  // Filled with null first: arrays of any values (see src/derive/dataset.ts cellArray).
  const columns = names.map(() => new Array<Cell>(Math.min(rowsPerBlock, rows.length)).fill(null));
  for (let start = 0; start < rows.length; start += rowsPerBlock) {
    const length = Math.min(rowsPerBlock, rows.length - start);
    for (let j = 0; j < names.length; j++) {
      const column = columns[j] as Cell[];
      const name = names[j] as string;
      for (let k = 0; k < length; k++) column[k] = (rows[start + k] as Readonly<Record<string, Cell>>)[name] as Cell;
    }
    yield { start, length, columns };
  }
}

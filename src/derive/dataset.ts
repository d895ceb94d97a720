/**
 * An ADaM-like dataset as the output stage writes it (`adam/<name>.csv`): a name, its columns in
 * order, and rows of plain values. Derivations return typed records (what the analysis stage uses);
 * each has a `to…Dataset()` adapter built with `makeDataset`.
 */
export type Cell = string | number | null;

export interface AdamDataset {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
}

/**
 * Builds a dataset whose rows hold exactly `columns` (in that order), taken from `toRow` of each
 * record. A column `toRow` does not give is a bug of the adapter, so it throws.
 */
export function makeDataset<R, C extends string>(
  name: string,
  columns: readonly C[],
  records: readonly R[],
  toRow: (record: R) => Readonly<Record<C, Cell>>,
): AdamDataset {
  const rows = records.map((r) => {
    const full = toRow(r);
    const row: Record<string, Cell> = {};
    for (const c of columns) {
      const v = full[c];
      if (v === undefined) throw new Error(`dataset ${name}: column ${c} missing from a row`);
      row[c] = v;
    }
    return row;
  });
  return { name, columns, rows };
}

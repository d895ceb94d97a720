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
  const template = rowTemplate(columns);
  const rows = records.map((r) => {
    const full = toRow(r);
    const row: Record<string, Cell> = { ...template };
    for (const c of columns) {
      const v = full[c];
      if (v === undefined) throw new Error(`dataset ${name}: column ${c} missing from a row`);
      row[c] = v;
    }
    return row;
  });
  return { name, columns, rows };
}

/**
 * An object with every column, in order, cloned per row: the clone has its fields inside the object,
 * where a row grown one computed-name store at a time keeps them in a separate store reallocated as it
 * grows (measured on node 20 with 15 columns: 155 against 179 bytes a row, 0.45 against 0.58 µs).
 */
function rowTemplate(columns: readonly string[]): Record<string, Cell> {
  const template: Record<string, Cell> = {};
  for (const c of columns) template[c] = null;
  // Built by computed-name stores, the template itself is slow to clone; JSON.parse gives it a fixed shape.
  return JSON.parse(JSON.stringify(template)) as Record<string, Cell>;
}

/**
 * The declarative shape of a CSV table of the contract (../shared/dts/domains.md): one `ColumnSpec` per
 * column, as data. The table reader (`table.ts`) interprets it; rules that involve several columns or
 * rows live in the rule modules.
 */
import type { SourceRef } from './types.js';

/** `char` text; `num` number; `int` whole number; `date` ISO date; `pdate` date that may be partial. */
export type ColumnType = 'char' | 'num' | 'int' | 'date' | 'pdate';

/** `Y` non-empty on every row; `C` conditional (the rule modules check when); `O` the column may be absent. */
export type Requirement = 'Y' | 'C' | 'O';

export interface ColumnSpec {
  readonly type: ColumnType;
  readonly req: Requirement;
  /** Controlled terms: a non-empty value must be one of them (exact, case-sensitive). */
  readonly terms?: readonly string[];
  /** Inclusive range for `num`/`int`. */
  readonly min?: number;
  readonly max?: number;
  /** Record `<COLUMN>_DEC`, the number of decimals as written (`num` only). */
  readonly decimals?: boolean;
}

/** Names of the data columns of a typed row: everything but `src` and the `*_DEC` companions. */
export type ColumnsOf<R> = Exclude<keyof R, 'src' | `${string}_DEC`> & string;

export interface TableSchema<R> {
  /** File name in issues, e.g. `dm.csv`. */
  readonly file: string;
  /** Every field of `R` has a spec; columns that are checked but not kept in `R` (DOMAIN) may be added. */
  readonly columns: { readonly [K in ColumnsOf<R>]: ColumnSpec } & { readonly [name: string]: ColumnSpec };
}

/**
 * A row as read, before the cross-row rules have passed: a cell that broke its column's rule is null
 * whatever its type says. Only a table with no errors is handed out as `R`.
 */
export type Loose<R> = { readonly [K in keyof R]: K extends 'src' ? SourceRef : R[K] | null };

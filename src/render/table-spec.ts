/**
 * A table declared before the data exists (r2rtf / rtables): columns, rows by statistic with their
 * display format, titles and footnotes. A spec holds no numbers; `buildPrintForm` (print-form.ts)
 * fills it from the ARD. Labels come from the caller (src/tlf/), never from this module.
 */
import type { Group, Population } from '../ard/types.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../ard/vocabulary.js';

/** Where a statistic sits in the ARD, apart from the group (which the column gives). */
export interface StatRef {
  readonly stat: ArdStat;
  /** ARD `method`; empty for plain counts and descriptives. */
  readonly method?: ArdMethod | '';
}

/** The ARD coordinates a row shares across its cells. */
export interface RowKey {
  readonly endpoint: ArdEndpoint;
  readonly param: string;
  readonly visit: string;
  readonly population: Population;
  /** 'PBO' on comparison rows: the cell of a column then holds that group versus PBO. */
  readonly comparator: '' | 'PBO';
}

/**
 * What a missing statistic shows: `NE` (not estimable, the default: a model or comparison that could not
 * be estimated, footnoted) or `blank` (a descriptive statistic that does not exist by definition, as the
 * SD of one value or any statistic of no values; SAP §3 says such cells are empty).
 */
export type WhenMissing = 'NE' | 'blank';

/**
 * How one cell is made from one or more ARD statistics. Each variant names its statistics by role,
 * so a renderer never has to know which ARD row a number came from.
 */
export type CellFormat =
  /** A single number with `decimals` decimals (SAS ROUND). */
  | { readonly kind: 'number'; readonly decimals: number; readonly value: StatRef; readonly whenMissing?: WhenMissing }
  /** A whole count, printed as an integer. */
  | { readonly kind: 'count'; readonly value: StatRef }
  /**
   * `n (pct)`, pct = 100·n/N to one decimal; `n/N (pct)` with `showDenominator`, where N varies by row
   * (e.g. subjects with a result at a visit) and the column header's N is not the denominator.
   */
  | { readonly kind: 'countPct'; readonly n: StatRef; readonly bigN: StatRef; readonly showDenominator?: boolean }
  /** `mean (sd)`, each with its own decimals. */
  | {
      readonly kind: 'meanSd';
      readonly meanDecimals: number;
      readonly sdDecimals: number;
      readonly mean: StatRef;
      readonly sd: StatRef;
      readonly whenMissing?: WhenMissing;
    }
  /** `a, b` (Q1, Q3 or min, max) with `decimals`. */
  | {
      readonly kind: 'pair';
      readonly decimals: number;
      readonly first: StatRef;
      readonly second: StatRef;
      readonly whenMissing?: WhenMissing;
      /** `(a, b)`: a confidence interval on its own row. */
      readonly parenthesized?: boolean;
    }
  /**
   * `estimate (lower, upper)`. `scale: 'percent'` shows a 0–1 fraction as a percentage (decimal shift),
   * `'ratio'` uses two decimals (SAP §3), `'number'` uses `decimals`.
   */
  | {
      readonly kind: 'estimateCi';
      readonly scale: 'number' | 'percent' | 'ratio';
      readonly decimals: number;
      readonly estimate: StatRef;
      readonly lower: StatRef;
      readonly upper: StatRef;
    }
  /** A p-value: three decimals, `<0.001`, `>0.999`. */
  | { readonly kind: 'pValue'; readonly value: StatRef };

/** A heading row without values (e.g. a visit or a category family). */
export interface LabelRowSpec {
  readonly kind: 'label';
  readonly label: string;
  readonly indent: number;
}

/** A row of values: one cell per column that the row applies to, blank elsewhere. */
export interface StatRowSpec {
  readonly kind: 'stat';
  readonly label: string;
  readonly indent: number;
  readonly key: RowKey;
  readonly format: CellFormat;
  /** Column ids that carry a value; absent = every column. Comparison rows leave the reference blank. */
  readonly columns?: readonly string[];
}

/** A blank line between groups of rows; pagination prefers to break here. */
export interface SeparatorRowSpec {
  readonly kind: 'separator';
}

export type RowSpec = LabelRowSpec | StatRowSpec | SeparatorRowSpec;

export interface ColumnSpec {
  /** Unique within the table; rows name columns by it. */
  readonly id: string;
  readonly label: string;
  readonly group: Group;
  /** The ARD statistic shown as `N=…` under the label, if any. */
  readonly bigN?: { readonly key: RowKey; readonly stat: StatRef };
}

export interface TableSpec {
  /** Output identifier, e.g. `T-14.2.1.1`. */
  readonly id: string;
  readonly titles: readonly string[];
  /** Analysis population as it is shown under the titles, e.g. `Full Analysis Set`. */
  readonly populationLabel: string;
  /** Header of the first (row label) column. */
  readonly stubHeader: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
  readonly footnotes: readonly string[];
  /** Footnote added only when some cell shows NE. */
  readonly notEstimableFootnote: string;
}

/** Checks a spec's own consistency (unique column ids, rows naming existing columns); throws on a bug. */
export function checkTableSpec(spec: TableSpec): void {
  const ids = new Set<string>();
  for (const c of spec.columns) {
    if (ids.has(c.id)) throw new Error(`${spec.id}: duplicate column id ${c.id}`);
    ids.add(c.id);
  }
  if (spec.columns.length === 0) throw new Error(`${spec.id}: a table needs at least one column`);
  for (const r of spec.rows) {
    if (r.kind === 'separator') continue;
    if (!Number.isInteger(r.indent) || r.indent < 0) throw new Error(`${spec.id}: bad indent on row ${r.label}`);
    if (r.kind === 'stat') {
      for (const id of r.columns ?? []) {
        if (!ids.has(id)) throw new Error(`${spec.id}: row ${r.label} names unknown column ${id}`);
      }
    }
  }
}

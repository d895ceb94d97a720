/**
 * Listings through the table renderers: a listing is rows of already-formatted text (data values, not
 * statistics), so it does not pass through the ARD; it becomes the same print form a table becomes
 * (print-form.ts), paginated by the same rules, and the RTF, HTML and text renderers draw it
 * unchanged. Its columns are fitted to the page (print-form.ts `fitToPage`): texts wrap at word
 * boundaries, a cell may stack values on lines of their own (`\n` in its text). Rows come in blocks (e.g. one per subject) separated by separator rows, so a page
 * prefers to break between subjects. An empty listing prints one row saying so.
 */
import { displayNumber } from './page-layout.js';
import { layoutPrintForm } from './print-form.js';
import type { PrintFlags, PrintForm, PrintRow } from './print-form.js';

export interface ListingSpec {
  /** Output identifier, e.g. `L-16.2.1`. */
  readonly id: string;
  readonly titles: readonly string[];
  readonly populationLabel: string;
  /** Column headers; the first column is left-aligned. */
  readonly columns: readonly string[];
  /** Blocks of rows (one cell per column); pagination keeps a block together where it fits. */
  readonly blocks: readonly (readonly (readonly string[])[])[];
  readonly footnotes: readonly string[];
  /** The single row shown when there is no data row. */
  readonly emptyText: string;
}

export interface ListingOptions {
  readonly flags: PrintFlags;
  /** Lines on a page, everything included (as for tables). */
  readonly linesPerPage: number;
}

export function buildListingPrintForm(spec: ListingSpec, options: ListingOptions): PrintForm {
  const n = spec.columns.length;
  if (n === 0) throw new Error(`${spec.id}: a listing needs at least one column`);
  const separator: PrintRow = { kind: 'separator', indent: 0, cells: new Array<string>(n).fill('') };
  const rows: PrintRow[] = [];
  spec.blocks
    .filter((b) => b.length > 0)
    .forEach((block, i) => {
      if (i > 0) rows.push(separator);
      for (const cells of block) {
        if (cells.length !== n) throw new Error(`${spec.id}: a row has ${cells.length} cells for ${n} columns`);
        // The spec's cells themselves, not a copy: a listing of a large lock has hundreds of thousands of rows.
        rows.push({ kind: 'stat', indent: 0, cells });
      }
    });
  if (rows.length === 0)
    rows.push({ kind: 'stat', indent: 0, cells: [spec.emptyText, ...new Array<string>(n - 1).fill('')] });
  return layoutPrintForm({
    id: spec.id,
    flags: options.flags,
    titleLines: [`Listing ${displayNumber(spec.id)}`, ...spec.titles, spec.populationLabel],
    header: [[...spec.columns]],
    rows,
    footnotes: [...spec.footnotes],
    decimalAlign: false,
    fitToPage: true,
    linesPerPage: options.linesPerPage,
  });
}

/**
 * Listings through the table renderers: a listing is rows of already-formatted text (data values, not
 * statistics), so it does not pass through the ARD; it becomes the same print form a table becomes
 * (print-form.ts), paginated by the same rules, and the RTF, HTML and text renderers draw it
 * unchanged. Rows come in blocks (e.g. one per subject) separated by separator rows, so a page
 * prefers to break between subjects. An empty listing prints one row saying so.
 */
import { INDENT_CHARS, markLines, pageOverhead, paginate } from './print-form.js';
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

function widths(header: readonly string[], rows: readonly PrintRow[]): number[] {
  const w = header.map((h) => h.length);
  for (const r of rows) r.cells.forEach((c, i) => (w[i] = Math.max(w[i] ?? 0, c.length + (i === 0 ? r.indent * INDENT_CHARS : 0))));
  return w;
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
        rows.push({ kind: 'stat', indent: 0, cells: [...cells] });
      }
    });
  if (rows.length === 0) rows.push({ kind: 'stat', indent: 0, cells: [spec.emptyText, ...new Array<string>(n - 1).fill('')] });
  const marks = markLines(options.flags);
  const titleLines = [`Listing ${spec.id}`, ...spec.titles, spec.populationLabel];
  const header = [[...spec.columns]];
  const overhead = pageOverhead(marks.length + titleLines.length, header.length, spec.footnotes.length);
  const pages = paginate(rows, options.linesPerPage - overhead).map((r, i) => ({ number: i + 1, rows: r }));
  return {
    id: spec.id,
    flags: options.flags,
    marks,
    titleLines,
    header,
    columnWidths: widths(spec.columns, rows),
    rows,
    pages,
    footnotes: [...spec.footnotes],
  };
}

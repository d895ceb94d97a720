/**
 * Listings through the table renderers: a listing is rows of already-formatted text (data values, not
 * statistics), so it does not pass through the ARD; it becomes the same print form a table becomes
 * (print-form.ts), paginated by the same rules, and the RTF, HTML and text renderers draw it
 * unchanged. Its columns are fitted to the page (print-form.ts `fitToPage`): texts wrap at word
 * boundaries, a cell may stack values on lines of their own (`\n` in its text). Rows come in blocks (e.g. one per subject) separated by separator rows, so a page
 * prefers to break between subjects. An empty listing prints one row saying so.
 *
 * A listing of a large lock (a lab listing of 20,000 subjects has ~1.5M rows) is never whole in memory:
 * `streamListingPrintForm` reads its blocks once to measure the columns (and letter the footnotes), once
 * to paginate (keeping only each page's row count and footnotes), and once more for each renderer,
 * which draws it page by page; the spec's `blocks` may make its rows anew each time it is iterated. A
 * listing of at most HELD_LISTING_ROWS rows (every listing of the sample) is read once and held instead.
 */
import { displayNumber, type ColumnNeed } from './page-layout.js';
import {
  columnMeter,
  fittedColumns,
  formLetters,
  formOf,
  layoutPrintForm,
  paginateBlocks,
  printFrame,
  printPage,
  printRow,
  renameRowLabel,
  rowHeight,
} from './print-form.js';
import type { BodyBlock, PrintFlags, PrintForm, PrintPage, PrintRow, StreamedPrintForm } from './print-form.js';

/** A listing's rows and texts, its blocks held or made when they are read (ListingSpec: held). */
export interface ListingSource {
  /** Output identifier, e.g. `L-16.2.1`. */
  readonly id: string;
  readonly titles: readonly string[];
  readonly populationLabel: string;
  /** Column headers; the first column is left-aligned. */
  readonly columns: readonly string[];
  /**
   * Blocks of rows (one cell per column); pagination keeps a block together where it fits. Iterated once
   * per pass (streamListingPrintForm), each time giving the same blocks: an array, or an iterable that
   * makes them anew (a large listing's rows are never all held).
   */
  readonly blocks: Iterable<readonly (readonly string[])[]> | CountedBlocks;
  readonly footnotes: readonly string[];
  /** The single row shown when there is no data row. */
  readonly emptyText: string;
}

/**
 * Blocks made on demand that say beforehand how many rows they give (tlf/listings `subjectBlocksOnDemand`):
 * a listing known to be longer than HELD_LISTING_ROWS is then streamed from its first row, none held.
 */
export interface CountedBlocks extends Iterable<readonly (readonly string[])[]> {
  readonly rowCount: number;
}

/** A listing whose blocks are held (most listings: a few rows a subject). */
export interface ListingSpec extends ListingSource {
  readonly blocks: readonly (readonly (readonly string[])[])[];
}

export interface ListingOptions {
  readonly flags: PrintFlags;
  /** Lines on a page, everything included (as for tables). */
  readonly linesPerPage: number;
  /**
   * A listing of at most this many rows is read once and held for the later passes
   * (streamListingPrintForm); default HELD_LISTING_ROWS.
   */
  readonly heldRows?: number;
}

/**
 * The rows up to which a streamed listing's blocks are held after the first pass rather than made again
 * for each of the four later passes (paginating, RTF, HTML, text): making a row's texts again cost the
 * sample's 20 listings ~40% of their stage. 20,000 rows of ~10 cells are ~10 MB; a large lock's lab listing
 * (~1.5M rows at 20,000 subjects) is still made anew for each pass, never whole in memory.
 */
export const HELD_LISTING_ROWS = 20_000;

/**
 * Whether the measuring pass holds the blocks it reads (for the later passes) until they pass `heldRows`
 * rows: not when the blocks are known to be longer (held arrays counted, CountedBlocks' count). Rows held
 * for ~20,000 rows and then dropped cost more than the rows: V8 sees most objects made where they were
 * made survive, and makes every later one there (every later pass's rows, and the next listings') in the
 * old generation (allocation-site pretenuring), which only full collections free: a 20,000-subject run's
 * listings stage made ~16 of them on a ~0.5–0.8 GB heap, and its scavenges took twice as long.
 */
export function holdsBlocks(blocks: ListingSource['blocks'], heldRows: number): boolean {
  const known = Array.isArray(blocks)
    ? (blocks as readonly (readonly unknown[])[]).reduce((n, b) => n + b.length, 0)
    : 'rowCount' in blocks
      ? blocks.rowCount
      : undefined;
  return known === undefined || known <= heldRows;
}

/** The whole print form of a listing, every row and page held (the streamed form's reference). */
export function buildListingPrintForm(spec: ListingSource, options: ListingOptions): PrintForm {
  const rows: PrintRow[] = [];
  for (const block of listingBlocks(spec, HELD)) {
    if (rows.length > 0) rows.push(block.separator);
    rows.push(...block.rows);
  }
  return layoutPrintForm({ ...listingParts(spec, options), rows, fitToPage: true });
}

/**
 * The same print form as buildListingPrintForm, its rows and pages made from the spec's blocks each
 * time they are iterated (see the module comment): what the renderers draw from it is the same bytes.
 */
export function streamListingPrintForm(spec: ListingSource, options: ListingOptions): StreamedPrintForm {
  const parts = listingParts(spec, options);
  const { letters, needs, specRows, held } = measureListing(spec, parts, options.heldRows ?? HELD_LISTING_ROWS);
  const { frame, capacity } = printFrame(parts, letters, () => ({
    layout: fittedColumns(needs),
    align: parts.header[0]?.map(() => null) ?? [],
  }));
  const renamed = (b: ListingBlock): ListingBlock => ({
    ...b,
    rows: b.rows.map((r) => renameRowLabel(r, letters.rename)),
  });
  // A small listing's blocks, read once by the measuring pass, are kept for the other passes.
  const heldBlocks = held?.map(renamed) ?? null;
  /** The body's blocks with their labels' footnote letters renamed, as layoutPrintForm renames them. */
  function* blocks(): Generator<ListingBlock> {
    if (heldBlocks !== null) {
      yield* heldBlocks;
      return;
    }
    let seen = 0;
    for (const b of listingBlocks(spec)) {
      seen += b.specRows;
      yield renamed(b);
    }
    // A spec whose blocks cannot be iterated again (a generator object) would print its first pass only.
    if (seen !== specRows) {
      throw new Error(
        `${spec.id}: the listing's blocks gave ${specRows} rows, then ${seen}: they must be the same each time`,
      );
    }
  }
  const separator = separatorRow(spec.columns.length);
  // Listing rows have no indent, so no page restates rows above it (print-form.ts continuationRows).
  const pageSizes: number[] = [];
  const footnotesOfPage: (readonly string[])[] = [];
  // Most pages print the same footnotes: one array for each distinct set.
  const footnoteSets = new Map<string, readonly string[]>();
  for (const rows of paginateBlocks(blocks(), capacity, separator, { height: (r) => rowHeight(frame, r) })) {
    pageSizes.push(rows.filter((r) => r.kind !== 'separator').length);
    const footnotes = printPage(frame, rows, footnotesOfPage.length).footnotes;
    const key = footnotes.join('\u0000');
    const same = footnoteSets.get(key);
    if (same === undefined) footnoteSets.set(key, footnotes);
    footnotesOfPage.push(same ?? footnotes);
  }
  return formOf(
    frame,
    Math.max(1, pageSizes.length),
    { [Symbol.iterator]: () => bodyRows(blocks()) },
    {
      [Symbol.iterator]: () =>
        pageSizes.length === 0
          ? [printPage(frame, [], 0)][Symbol.iterator]()
          : pagesAgain(blocks(), pageSizes, footnotesOfPage, spec.id),
    },
  );
}

function listingParts(spec: ListingSource, options: ListingOptions) {
  return {
    id: spec.id,
    flags: options.flags,
    titleLines: [`Listing ${displayNumber(spec.id)}`, ...spec.titles, spec.populationLabel],
    header: [[...spec.columns]],
    footnotes: [...spec.footnotes],
    decimalAlign: false,
    linesPerPage: options.linesPerPage,
  };
}

interface ListingBlock extends BodyBlock {
  /** The separator row put before this block when a row precedes it. */
  readonly separator: PrintRow;
  /** Rows of the spec in the block (0 for the empty text's row). */
  readonly specRows: number;
}

function separatorRow(n: number): PrintRow {
  return printRow('separator', 0, new Array<string>(n).fill(''));
}

/** How listingBlocks makes a row and a block of them (see HELD and STREAMED). */
interface BlockMaker {
  readonly row: (cells: readonly string[]) => PrintRow;
  readonly block: (rows: PrintRow[], first: number, separator: PrintRow, specRows: number) => ListingBlock;
}

/**
 * The same rows and blocks from two places in the code: those the measuring pass may hold (HELD) and those
 * a pass drops as it goes (STREAMED). V8 decides per allocation site (each object literal of the code)
 * whether to make its objects in the old generation, once most of those made there survive: the held rows
 * of a small listing made there would have every later listing's rows made in the old generation (and the
 * cells they point to promoted with them), freed only by full collections (holdsBlocks).
 */
const HELD: BlockMaker = {
  row: (cells) => printRow('stat', 0, cells),
  block: (rows, first, separator, specRows) => ({ rows, first, separator, specRows }),
};
const STREAMED: BlockMaker = {
  row: (cells) => printRow('stat', 0, cells),
  block: (rows, first, separator, specRows) => ({ rows, first, separator, specRows }),
};

/**
 * The spec's non-empty blocks as body rows (the spec's cells themselves, not a copy), each with its
 * first row's index among the body rows (separators counted); one block of the empty text's row when
 * there is none. `make`: HELD for blocks that may be held, else STREAMED.
 */
function* listingBlocks(spec: ListingSource, make: BlockMaker = STREAMED): Generator<ListingBlock> {
  const n = spec.columns.length;
  if (n === 0) throw new Error(`${spec.id}: a listing needs at least one column`);
  const separator = separatorRow(n);
  let next = 0;
  for (const block of spec.blocks) {
    if (block.length === 0) continue;
    const rows = block.map((cells): PrintRow => {
      if (cells.length !== n) throw new Error(`${spec.id}: a row has ${cells.length} cells for ${n} columns`);
      return make.row(cells);
    });
    const first = next === 0 ? 0 : next + 1;
    yield make.block(rows, first, separator, rows.length);
    next = first + rows.length;
  }
  if (next === 0) yield make.block([make.row([spec.emptyText, ...new Array<string>(n - 1).fill('')])], 0, separator, 0);
}

/**
 * One pass over the blocks: the footnote letters (from the titles, header and the row labels that hold
 * a mark) and what each column needs. Renaming a letter keeps a label's length, so the columns measured
 * on the labels as given are those of the renamed ones; they are measured again should a label change.
 * `held`: the blocks read, when they are at most `heldRows` rows; else null.
 */
function measureListing(
  spec: ListingSource,
  parts: ReturnType<typeof listingParts>,
  heldRows: number,
): {
  letters: ReturnType<typeof formLetters>;
  needs: ColumnNeed[];
  specRows: number;
  held: readonly ListingBlock[] | null;
} {
  const marked: string[] = [];
  let meter = columnMeter(parts.header);
  let specRows = 0;
  // The blocks as read, while they are at most heldRows rows (then dropped: the later passes stream); none
  // when they are known to be more (holdsBlocks).
  let held: ListingBlock[] | null = holdsBlocks(spec.blocks, heldRows) ? [] : null;
  for (const block of listingBlocks(spec, held === null ? STREAMED : HELD)) {
    specRows += block.specRows;
    if (held !== null && specRows <= heldRows) held.push(block);
    else held = null;
    for (const r of block.rows) {
      meter.see(r);
      if ((r.cells[0] ?? '').includes('[')) marked.push(r.cells[0] ?? '');
    }
  }
  const letters = formLetters(parts, marked);
  if (marked.some((label) => letters.rename(label) !== label)) {
    meter = columnMeter(parts.header);
    for (const { rows } of held ?? listingBlocks(spec))
      for (const r of rows) meter.see(renameRowLabel(r, letters.rename));
  }
  return { letters, needs: meter.needs(), specRows, held };
}

/** The body rows: the blocks with a separator between two. */
function* bodyRows(blocks: Iterable<ListingBlock>): Generator<PrintRow> {
  let any = false;
  for (const { rows, separator } of blocks) {
    if (any) yield separator;
    yield* rows;
    any = true;
  }
}

/**
 * The pages again from the blocks, each `pageSizes[i]` body rows (separators not counted): a page of
 * paginateBlocks is a run of the body, separators trimmed at its ends, a separator between two blocks
 * within it.
 */
function* pagesAgain(
  blocks: Iterable<ListingBlock>,
  pageSizes: readonly number[],
  footnotes: readonly (readonly string[])[],
  id: string,
): Generator<PrintPage> {
  let index = 0;
  let rows: PrintRow[] = [];
  let left = pageSizes[0] ?? 0;
  for (const block of blocks) {
    if (rows.length > 0) rows.push(block.separator);
    for (const row of block.rows) {
      if (index >= pageSizes.length) throw new Error(`${id}: the listing's blocks changed between passes`);
      rows.push(row);
      if (--left > 0) continue;
      yield { number: index + 1, rows, footnotes: footnotes[index] ?? [] };
      rows = [];
      left = pageSizes[++index] ?? 0;
    }
  }
  if (index !== pageSizes.length || rows.length > 0)
    throw new Error(`${id}: the listing's blocks changed between passes`);
}

/**
 * The print form: one flat, fully formatted description of a table (all cells already strings) that
 * every renderer (RTF, HTML, text) reads and nothing else. Built from a data-free spec and the ARD.
 *
 * Pagination (r2rtf-style, decided here once for every renderer, from the page geometry of
 * page-layout.ts): a page holds `linesPerPage` lines in total. The page line, the trace line, the marks
 * and title lines and a blank line (the RTF page header), the column header rows, three lines (rules
 * in text; in RTF the blank before the footnotes and slack for borders) and the footnotes repeat on
 * every page; the body rows fill the rest. Every text is wrapped here to the characters its cell holds,
 * so a row's height is known in lines (a cell's `\n` stacks values on lines of their own). Tables take
 * each column's natural width; listings fit their columns to the page (`fitToPage`, page-layout.ts
 * fitColumns). Body rows come in blocks (between separator rows); a block moves
 * whole to the next page when it does not fit; a block longer than a page is split, but a page never
 * ends on a label row and never begins or ends with a separator. A page that begins inside a section
 * first restates the labels the rows sit under, `SF-36 Physical functioning (continued)`.
 * Lettered footnotes (`[a] …`) are lettered in order of first use and printed only on the pages whose
 * rows use them.
 */
import type { ValueKey, ValueLookup } from './ard-lookup.js';
import { valueKey } from './ard-lookup.js';
import { alignCell, alignedWidth, columnAlign, type ColumnAlign } from './align.js';
import { formatCell } from './cell.js';
import { NOT_ESTIMABLE } from './format.js';
import {
  INDENT_CHARS,
  LINES_PER_PAGE,
  PAGE_CHARS,
  cellChars,
  cellEdges,
  cellLineCount,
  cellLines,
  countLine,
  displayNumber,
  fitColumns,
  fitsOnOneLine,
  longestLine,
  longestWord,
  wrapText,
  type ColumnNeed,
} from './page-layout.js';
import { checkTableSpec } from './table-spec.js';
import type { ColumnSpec, RowKey, StatRowSpec, TableSpec } from './table-spec.js';

export { INDENT_CHARS } from './page-layout.js';

/** Where an output comes from, printed on every page (no clock: the data cut is the lock date). */
export interface RunTrace {
  readonly study: string;
  readonly toolVersion: string;
  readonly lockId: string;
  readonly sapVersion: string;
  /** The lock date (data cut). */
  readonly dataCut: string;
}

/** Run-level marks that every output of the run must carry in its title. */
export interface PrintFlags {
  /** The lock was not verified (`--draft`). */
  readonly draft: boolean;
  /** Arms come from `--dummy-randomization`, not the real assignment. */
  readonly dummyRandomization: boolean;
  /** The run's provenance, for the trace line; absent in unit tests of the layout. */
  readonly trace?: RunTrace;
}

export const DRAFT_MARK = 'DRAFT \u2014 lock not verified';
export const DUMMY_MARK = 'DUMMY RANDOMIZATION \u2014 not the real treatment assignment';

export interface PrintRow {
  readonly kind: 'label' | 'stat' | 'separator';
  readonly indent: number;
  /** cells[0] is the row label; then one string per column ('' where the row has no value). */
  readonly cells: readonly string[];
  /** A label repeated at the top of a page that continues its section. */
  readonly continued?: boolean;
  /**
   * For each value cell (cells[1…]), the keys of the ARD rows its text shows, so the HTML can tell a
   * reviewer which analysis result every number is (as `ardKeyText`); empty for a blank cell. The ARD
   * rows themselves, not their keys' text: a form lives through its three renderers, so what it holds
   * is copied by the scavenges meanwhile (a key's text is ~0.3 KB of cons strings, a row is held by the
   * run anyway); the HTML makes each text as it writes it.
   */
  readonly ardKeys?: readonly (readonly ValueKey[])[];
}

/**
 * The ardKeys of a row that shows no ARD value (labels, separators, listing rows). Every PrintRow the
 * program makes has all five fields, in PrintRow's order (kind, indent, cells, continued, ardKeys): the
 * renderers and the pagination see one object shape, so V8 optimizes them once, not again when the
 * tables' stat rows (with keys) follow the listings' rows (without) or a continued label comes.
 */
const NO_ARD_KEYS: readonly (readonly ValueKey[])[] = emptyArrayOfArrays();

/**
 * A body row, the one way the program makes one: every field, in PrintRow's order (see NO_ARD_KEYS).
 */
export function printRow(
  kind: PrintRow['kind'],
  indent: number,
  cells: readonly string[],
  continued = false,
  ardKeys: readonly (readonly ValueKey[])[] = NO_ARD_KEYS,
): PrintRow {
  return { kind, indent, cells, continued, ardKeys };
}

/**
 * An empty array of the same kind as a stat row's ardKeys (V8's elements kind of an array of objects,
 * not the small-integer kind an empty literal starts with), so reading ardKeys sees one array map.
 */
function emptyArrayOfArrays(): (readonly ValueKey[])[] {
  const keys: (readonly ValueKey[])[] = [[]];
  keys.pop();
  return keys;
}

export interface PrintPage {
  /** 1-based. */
  readonly number: number;
  readonly rows: readonly PrintRow[];
  /** The footnotes printed on this page: every plain one, the lettered ones its rows use. */
  readonly footnotes: readonly string[];
}

export interface PrintForm {
  readonly id: string;
  readonly flags: PrintFlags;
  /** Lines from the flags (DRAFT, DUMMY RANDOMIZATION): every renderer shows them first, above the titles. */
  readonly marks: readonly string[];
  /** `Table <number>`, the spec's titles, the population label. */
  readonly titleLines: readonly string[];
  /** `Output … | Program … | Lock … | SAP … | Data cut …`, or null without a run trace. */
  readonly trace: string | null;
  /** Header rows; each has the stub cell and one cell per column. */
  readonly header: readonly (readonly string[])[];
  /** Natural width of each column in characters (stub first; value columns as aligned), for fixed-width layouts. */
  readonly columnWidths: readonly number[];
  /** Decimal alignment of each column (null: the stub, and columns of text such as listings). */
  readonly align: readonly (ColumnAlign | null)[];
  /** Right edges of the cells in twips (page-layout.ts `cellEdges`). */
  readonly edges: readonly number[];
  /** Characters each cell holds at those edges; texts are wrapped to them. */
  readonly cellChars: readonly number[];
  /** Pages the renderers print (`pages.length`; the streamed form's count without iterating its pages). */
  readonly pageCount: number;
  /** Every body row in order, unpaginated (for media that do not paginate, e.g. HTML). */
  readonly rows: readonly PrintRow[];
  readonly pages: readonly PrintPage[];
  /** Every footnote of the table (lettered in order of first use). */
  readonly footnotes: readonly string[];
}

/**
 * A print form whose body rows and pages are made anew each time they are iterated (a listing of a large
 * lock: render/listing.ts `streamListingPrintForm`), so that no listing is ever whole in memory.
 */
export interface StreamedPrintForm extends Omit<PrintForm, 'rows' | 'pages'> {
  readonly rows: Iterable<PrintRow>;
  readonly pages: Iterable<PrintPage>;
}

/** What the renderers draw: a print form, whole or streamed. */
export type Printable = PrintForm | StreamedPrintForm;

export function pageCountOf(form: Printable): number {
  return form.pageCount;
}

export interface PrintOptions {
  readonly flags: PrintFlags;
  /** Lines on a page, everything included (see the module comment); at most the page geometry's. */
  readonly linesPerPage: number;
}

export function markLines(flags: PrintFlags): string[] {
  const lines: string[] = [];
  if (flags.draft) lines.push(DRAFT_MARK);
  if (flags.dummyRandomization) lines.push(DUMMY_MARK);
  return lines;
}

/** The trace line of output `id`. */
export function traceLine(id: string, t: RunTrace): string {
  return `Output ${id} | Program sle-msc ${t.toolVersion} | Lock ${t.lockId} | SAP ${t.sapVersion} | Data cut ${t.dataCut}`;
}

function headerRows(spec: TableSpec, lookup: ValueLookup): string[][] {
  const labels = [spec.stubHeader, ...spec.columns.map((c) => c.label)];
  if (!spec.columns.some((c) => c.bigN !== undefined)) return [labels];
  const counts = ['', ...spec.columns.map((c) => bigNText(c, lookup))];
  return [labels, counts];
}

function bigNText(column: ColumnSpec, lookup: ValueLookup): string {
  if (column.bigN === undefined) return '';
  const n = lookup(valueKey(column.bigN.key, column.group, column.bigN.stat));
  if (n === null || !Number.isInteger(n)) throw new Error(`column ${column.id}: N must be a whole number`);
  return `(N=${n})`;
}

/** `NE` as a word in a cell's text. */
const NE_TOKEN = new RegExp(`\\b${NOT_ESTIMABLE}\\b`);

interface BodyResult {
  readonly rows: PrintRow[];
  readonly anyNotEstimable: boolean;
}

/** The keys of a cell that shows no value. */
const NO_KEYS: readonly ValueKey[] = Object.freeze([]);

function statRow(row: StatRowSpec, columns: readonly ColumnSpec[], lookup: ValueLookup): BodyResult {
  const rowKey = sameShapeKey(row.key);
  const ardKeys = new Array<readonly ValueKey[]>(columns.length);
  const cells = columns.map((c, j) => {
    ardKeys[j] = NO_KEYS;
    if (row.columns !== undefined && !row.columns.includes(c.id)) return '';
    const keys: ValueKey[] = [];
    const text = formatCell(row.format, (ref) => {
      // The ARD row found is what the form keeps (its key columns are the key's): it lives for the
      // run anyway, where a key record kept would be ~0.1 KB more a value to copy.
      const found = lookup.row(valueKey(rowKey, c.group, ref));
      keys.push(found);
      return found.value;
    });
    // Copied to its length: an array grown by push keeps room for ~16 more (~0.15 KB a cell), and
    // the form, with ~27,000 keys over the sample's tables, lives through three renderers.
    if (keys.length > 0) ardKeys[j] = keys.slice();
    return text;
  });
  // The footnote explains NE only where a cell shows it (a missing descriptive statistic is blank).
  const anyNull = cells.some((text) => NE_TOKEN.test(text));
  return {
    rows: [printRow('stat', row.indent, [row.label, ...cells], false, ardKeys)],
    anyNotEstimable: anyNull,
  };
}

/**
 * A row's key copied field by field in RowKey's order. The table specs make their keys in many shapes
 * (literals in other orders, spreads, objects with more fields); the lookup of every value of every cell
 * inlines valueKey's reads of it, and V8 deoptimized and compiled it again at each new shape.
 */
function sameShapeKey(k: RowKey): RowKey {
  return { endpoint: k.endpoint, param: k.param, visit: k.visit, population: k.population, comparator: k.comparator };
}

function bodyRows(spec: TableSpec, lookup: ValueLookup): BodyResult {
  const rows: PrintRow[] = [];
  let anyNotEstimable = false;
  const blanks = spec.columns.map(() => '');
  for (const r of spec.rows) {
    switch (r.kind) {
      case 'separator':
        rows.push(printRow('separator', 0, ['', ...blanks]));
        break;
      case 'label':
        rows.push(printRow('label', r.indent, [r.label, ...blanks]));
        break;
      case 'stat': {
        const res = statRow(r, spec.columns, lookup);
        rows.push(...res.rows);
        anyNotEstimable ||= res.anyNotEstimable;
        break;
      }
    }
  }
  return { rows, anyNotEstimable };
}

const CONTINUED = ' (continued)';

/** Natural widths: the stub's longest label (indent included), each value column's aligned width or longest text. */
function columnWidths(
  header: readonly (readonly string[])[],
  rows: readonly PrintRow[],
  align: readonly (ColumnAlign | null)[],
): number[] {
  const widths = (header[0] ?? []).map(() => 0);
  const see = (i: number, len: number) => {
    widths[i] = Math.max(widths[i] ?? 0, len);
  };
  for (const h of header) h.forEach((cell, i) => see(i, cell.length));
  for (const r of rows) {
    // A label may be restated on a later page with CONTINUED after it: room for that too.
    const stub = (cell: string) => cell.length + r.indent * INDENT_CHARS + (r.kind === 'label' ? CONTINUED.length : 0);
    r.cells.forEach((cell, i) => see(i, i === 0 ? stub(cell) : cell.length));
  }
  align.forEach((a, i) => a !== null && see(i, alignedWidth(a)));
  return widths;
}

// ---------------------------------------------------------------------------------------------
// Footnote letters

const MARK = /\[([a-z])\]/g;
const LETTERED = /^\[([a-z])\]\s/;

function marksIn(text: string): string[] {
  // Most texts (a listing's every row label) have no mark: no regular-expression iterator for them.
  return text.includes('[') ? [...text.matchAll(MARK)].map((m) => m[1] as string) : [];
}

/**
 * Letters `[x]` renamed in order of first use (titles and header first, then the rows), so the first
 * footnote a reader meets is [a]. Lettered footnotes no text uses are dropped.
 */
export function reletterFootnotes(
  texts: readonly string[],
  footnotes: readonly string[],
): { rename: (text: string) => string; footnotes: string[] } {
  const defined = new Set(footnotes.map((f) => LETTERED.exec(f)?.[1]).filter((x): x is string => x !== undefined));
  const order = new Map<string, string>();
  for (const t of texts) {
    for (const m of marksIn(t)) {
      if (defined.has(m) && !order.has(m)) order.set(m, String.fromCharCode(97 + order.size));
    }
  }
  const rename = (text: string) =>
    text.includes('[') ? text.replace(MARK, (whole, m: string) => (order.has(m) ? `[${order.get(m)}]` : whole)) : text;
  const kept = footnotes.filter((f) => !LETTERED.test(f) || order.has(LETTERED.exec(f)?.[1] ?? ''));
  // The lettered footnotes take the places lettered ones had, now in letter order; the others stay put.
  const lettered = kept
    .filter((f) => LETTERED.test(f))
    .map(rename)
    .sort((a, b) => (a.slice(0, 3) < b.slice(0, 3) ? -1 : a.slice(0, 3) > b.slice(0, 3) ? 1 : 0));
  let next = 0;
  return { rename, footnotes: kept.map((f) => (LETTERED.test(f) ? (lettered[next++] as string) : f)) };
}

/** The footnotes of one page: plain ones always, a lettered one when the page (or the header) uses it. */
function pageFootnotes(footnotes: readonly string[], pageTexts: readonly string[]): string[] {
  const used = new Set(pageTexts.flatMap(marksIn));
  return footnotes.filter((f) => {
    const letter = LETTERED.exec(f)?.[1];
    return letter === undefined || used.has(letter);
  });
}

// ---------------------------------------------------------------------------------------------
// Pagination

/** Lines on every page that are not body rows: page line, titles, blank, header, three rules, footnotes. */
export function pageOverhead(titleLines: number, headerRows: number, footnotes: number): number {
  return 1 + titleLines + 1 + headerRows + 3 + footnotes;
}

export interface PaginateOptions {
  /** Lines a row takes (1 by default). */
  readonly height?: (row: PrintRow) => number;
  /** Rows restating the context of the row at `index`, for the top of a page that starts there. */
  readonly continuation?: (index: number) => PrintRow[];
}

/**
 * A block of body rows (rows between separators) and the index of its first row among the body rows
 * (for `PaginateOptions.continuation`).
 */
export interface BodyBlock {
  readonly rows: readonly PrintRow[];
  readonly first: number;
}

/** Splits body rows into blocks at separator rows (separators dropped). */
function blocksOf(rows: readonly PrintRow[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let first = 0;
  rows.forEach((r, i) => {
    if (r.kind !== 'separator') return;
    if (i > first) blocks.push({ rows: rows.slice(first, i), first });
    first = i + 1;
  });
  if (rows.length > first) blocks.push({ rows: rows.slice(first), first });
  return blocks;
}

interface PageBuild {
  rows: PrintRow[];
  used: number;
  /** Rows of the body (not continuation rows) on the page. */
  content: number;
}

/** Body rows onto pages of `capacity` lines each (see the module comment for the rules). */
export function paginate(rows: readonly PrintRow[], capacity: number, options: PaginateOptions = {}): PrintRow[][] {
  const separator = rows.find((r) => r.kind === 'separator');
  const pages = [...paginateBlocks(blocksOf(rows), capacity, separator, options)];
  return pages.length > 0 ? pages : [[]];
}

/**
 * paginate's pages, each given as soon as it is complete, from the body's blocks as they come (a
 * listing of a large lock is paginated without its rows ever being whole in memory). `separator` is
 * the row put between two blocks on one page. Yields no page for an empty body.
 */
export function* paginateBlocks(
  blocks: Iterable<BodyBlock>,
  capacity: number,
  separator: PrintRow | undefined,
  options: PaginateOptions = {},
): Generator<PrintRow[]> {
  if (!Number.isInteger(capacity) || capacity < 2) {
    throw new RangeError(`a page must have room for at least 2 body rows (has ${capacity})`);
  }
  const height = options.height ?? (() => 1);
  const continuation = options.continuation ?? (() => []);
  const sepHeight = separator ? height(separator) : 0;
  /** Pages completed while the current block was placed, given out once it is. */
  const done: PageBuild[] = [];
  let page: PageBuild = { rows: [], used: 0, content: 0 };
  const add = (row: PrintRow, h: number, content = true) => {
    page.rows.push(row);
    page.used += h;
    if (content) page.content++;
  };
  const newPage = (index: number) => {
    done.push(page);
    page = { rows: [], used: 0, content: 0 };
    for (const r of continuation(index)) add(r, height(r), false);
  };
  const finished = function* (pages: readonly PageBuild[]) {
    for (const p of pages) {
      const trimmed = trimSeparators(p.rows);
      if (trimmed.some((r) => r.continued !== true)) yield trimmed;
    }
  };

  for (const { rows, first } of blocks) {
    if (rows.length === 0) continue;
    // Each row's height once: a block is measured whole, then placed row by row.
    const heights = rows.map(height);
    const blockHeight = heights.reduce((s, h) => s + h, 0);
    const placeAll = () => rows.forEach((r, k) => add(r, heights[k] as number));
    const gap = page.content > 0 && separator ? sepHeight : 0;
    if (page.used + gap + blockHeight <= capacity) {
      if (gap > 0 && separator) add(separator, sepHeight, false);
      placeAll();
      continue;
    }
    const context = continuation(first);
    if (page.content > 0 && context.reduce((s, r) => s + height(r), 0) + blockHeight <= capacity) {
      newPage(first);
      placeAll();
    } else {
      // Split the block: row by row, never ending a page on a label whose rows follow.
      if (page.content > 0) {
        const head = (heights[0] ?? 0) + (heights[1] ?? 0);
        if (separator && page.used + sepHeight + head <= capacity) add(separator, sepHeight, false);
        else newPage(first);
      }
      rows.forEach((row, k) => {
        const h = heights[k] as number;
        const need = h + (row.kind === 'label' && k + 1 < rows.length ? (heights[k + 1] as number) : 0);
        if (page.content > 0 && page.used + need > capacity) newPage(first + k);
        add(row, h);
      });
    }
    yield* finished(done.splice(0));
  }
  yield* finished([page]);
}

function trimSeparators(page: readonly PrintRow[]): PrintRow[] {
  let start = 0;
  let end = page.length;
  while (start < end && page[start]?.kind === 'separator') start++;
  while (end > start && page[end - 1]?.kind === 'separator') end--;
  return page.slice(start, end);
}

/**
 * The labels a row sits under, nearest last: walking back, each row indented less than everything
 * seen so far is an ancestor; the labels among them are restated (a value row ends no chain but is
 * not repeated, as its numbers belong to its own page).
 */
export function continuationRows(rows: readonly PrintRow[], index: number): PrintRow[] {
  const start = rows[index];
  if (start === undefined) return [];
  let level = start.indent;
  const out: PrintRow[] = [];
  for (let j = index - 1; j >= 0 && level > 0; j--) {
    const r = rows[j] as PrintRow;
    if (r.kind === 'separator' || r.indent >= level) continue;
    level = r.indent;
    if (r.kind === 'label') {
      const cells = [`${r.cells[0] ?? ''}${CONTINUED}`, ...r.cells.slice(1)];
      out.unshift(printRow(r.kind, r.indent, cells, true, r.ardKeys));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Layout shared by the renderers

/** A row label wrapped to the stub (indent excluded), one string per printed line. */
export function stubLines(form: Pick<PrintForm, 'cellChars'>, row: PrintRow): readonly string[] {
  if (row.kind === 'separator') return [''];
  const width = Math.max(8, (form.cellChars[0] ?? PAGE_CHARS) - row.indent * INDENT_CHARS);
  const label = row.cells[0] ?? '';
  // A label that fits (a listing's every subject) is its one line, made anew: cached, a listing of a
  // large lock kept a line array and a weak-map entry for each of its hundreds of thousands of rows.
  if (fitsOnOneLine(label, width)) return [label];
  // Pagination and every renderer wrap the same label: wrapped once per row and width.
  const seen = wrappedStubs.get(row);
  if (seen !== undefined && seen.width === width) return seen.lines;
  const lines = cellLines(label, width);
  wrappedStubs.set(row, { width, lines });
  return lines;
}

const wrappedStubs = new WeakMap<PrintRow, { readonly width: number; readonly lines: readonly string[] }>();

/** Lines a body row takes: the most lines of its label and its text cells. */
export function rowHeight(form: Pick<PrintForm, 'cellChars' | 'align'>, row: PrintRow): number {
  let height = stubLines(form, row).length;
  // A loop, not forEach's closure: pagination measures every row of every listing.
  for (let i = 1; i < row.cells.length; i++) {
    const cell = row.cells[i] as string;
    // Text columns (listings) wrap like the stub; aligned value columns are sized never to wrap.
    if (cell !== '' && (form.align[i] ?? null) === null) {
      height = Math.max(height, cellLineCount(cell, form.cellChars[i] ?? PAGE_CHARS));
    }
  }
  return height;
}

/** A header cell wrapped to its column. */
export function headerCellLines(form: Pick<PrintForm, 'cellChars'>, text: string, column: number): string[] {
  return cellLines(text, form.cellChars[column] ?? PAGE_CHARS);
}

/** A value cell as printed lines: a text cell wrapped to its column (as rowHeight counts), an aligned one as is. */
export function valueCellLines(form: Pick<PrintForm, 'cellChars' | 'align'>, text: string, column: number): string[] {
  const a = form.align[column];
  if (a !== null && a !== undefined) return [alignCell(text, a)];
  return text === '' ? [''] : cellLines(text, form.cellChars[column] ?? PAGE_CHARS);
}

/**
 * The one printed line of a value cell (what valueCellLines gives as its only line) when it is the cell
 * itself or its alignment, else undefined (a text cell that wraps, stacks or starts with a blank: the
 * caller takes valueCellLines): renderers draw most listing cells without a line array.
 */
export function valueCellLine(
  form: Pick<PrintForm, 'cellChars' | 'align'>,
  text: string,
  column: number,
): string | undefined {
  const a = form.align[column];
  if (a !== null && a !== undefined) return alignCell(text, a);
  return text === '' || fitsOnOneLine(text, form.cellChars[column] ?? PAGE_CHARS) ? text : undefined;
}

export function headerHeight(form: Pick<PrintForm, 'cellChars' | 'header'>): number {
  return form.header.reduce((s, h) => s + Math.max(1, ...h.map((c, i) => headerCellLines(form, c, i).length)), 0);
}

/** A full-width text (title, footnote) as printed lines. */
export function pageTextLines(text: string): string[] {
  return wrapText(text, PAGE_CHARS);
}

/** The value cell as printed: padded to its column's alignment. */
export function printedCell(form: Pick<PrintForm, 'align'>, text: string, column: number): string {
  const a = form.align[column];
  return a === null || a === undefined ? text : alignCell(text, a);
}

/** Lines of the page header: page line, trace line, marks, titles, a blank line. */
export function topLines(form: Pick<PrintForm, 'marks' | 'titleLines' | 'trace'>): number {
  return (
    1 +
    (form.trace === null ? 0 : 1) +
    [...form.marks, ...form.titleLines].reduce((s, t) => s + pageTextLines(t).length, 0) +
    1
  );
}

export interface ColumnLayout {
  readonly widths: number[];
  readonly edges: number[];
  readonly chars: number[];
}

/** Tables: natural widths, the stub gives way first (cellEdges); texts wrap at what each cell holds. */
function naturalColumns(
  header: readonly (readonly string[])[],
  rows: readonly PrintRow[],
  align: readonly (ColumnAlign | null)[],
): ColumnLayout {
  const widths = columnWidths(header, rows, align);
  const edges = cellEdges(widths);
  return { widths, edges, chars: cellChars(edges) };
}

/** What each column of a listing needs (page-layout.ts ColumnNeed), from its header and body cells. */
export function columnNeeds(header: readonly (readonly string[])[], rows: Iterable<PrintRow>): ColumnNeed[] {
  const meter = columnMeter(header);
  for (const r of rows) meter.see(r);
  return meter.needs();
}

/**
 * columnNeeds a row at a time: `see` each body row, then `needs` (a listing too large to hold whole is
 * measured as its rows are made).
 */
export function columnMeter(header: readonly (readonly string[])[]): {
  see: (row: PrintRow) => void;
  needs: () => ColumnNeed[];
} {
  const n = header[0]?.length ?? 0;
  const lineCounts = Array.from({ length: n }, (): number[] => []);
  const bodyWords = new Array<number>(n).fill(0);
  const see = (r: PrintRow) => {
    for (let i = 0; i < n; i++) {
      const cell = r.cells[i] ?? '';
      const indent = i === 0 ? r.indent * INDENT_CHARS : 0;
      countLine(lineCounts[i] as number[], indent + longestLine(cell));
      bodyWords[i] = Math.max(bodyWords[i] as number, indent + longestWord(cell));
    }
  };
  const needs = () =>
    Array.from({ length: n }, (_, i): ColumnNeed => {
      let headerLine = 0;
      let headerWord = 0;
      for (const h of header) {
        headerLine = Math.max(headerLine, longestLine(h[i] ?? ''));
        headerWord = Math.max(headerWord, longestWord(h[i] ?? ''));
      }
      return { headerLine, headerWord, lineCounts: lineCounts[i] as number[], bodyWord: bodyWords[i] as number };
    });
  return { see, needs };
}

/**
 * Listings: widths fitted to the page (fitColumns) from what the columns need (columnNeeds), texts
 * wrapped at exactly those widths in every renderer; the cells' spare room (cellEdges) only spreads the
 * table across the page.
 */
export function fittedColumns(needs: readonly ColumnNeed[]): ColumnLayout {
  // A column is as narrow as its text: a one-letter grade needs no four-character cell.
  const fit = fitColumns(needs, 1, 1);
  const edges = cellEdges(fit.widths, 1, 1);
  // Fitted, every cell holds its width and one character of slack (less at most a twip of rounding);
  // squeezed (the longest words do not fit), texts wrap at what the squeezed cell holds.
  const room = cellChars(edges);
  return {
    widths: fit.widths,
    edges,
    chars: fit.fits ? [...fit.widths] : fit.widths.map((w, i) => Math.min(w, room[i] as number)),
  };
}

export interface FormParts {
  readonly id: string;
  readonly flags: PrintFlags;
  readonly titleLines: readonly string[];
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly PrintRow[];
  readonly footnotes: readonly string[];
  /** Decimal-align the value columns (tables) or not (listings). */
  readonly decimalAlign: boolean;
  /**
   * Fit the columns to the page (listings): each column as wide as its text, headers and then the
   * longest texts wrapping at word boundaries when the page is too narrow (page-layout.ts fitColumns),
   * so no word or number ever wraps; absent, columns take their natural width (tables).
   */
  readonly fitToPage?: boolean;
  readonly linesPerPage: number;
}

/** Everything of a print form but its body rows and pages: what every page repeats, and the columns. */
export type PrintFrame = Omit<PrintForm, 'rows' | 'pages' | 'pageCount'>;

/** The letters of a form's footnotes (reletterFootnotes) from its titles, header and row labels in order. */
export function formLetters(
  parts: Pick<FormParts, 'titleLines' | 'header' | 'footnotes'>,
  rowLabels: Iterable<string>,
): ReturnType<typeof reletterFootnotes> {
  return reletterFootnotes([...parts.titleLines, ...parts.header.flat(), ...rowLabels], parts.footnotes);
}

/** A body row with its label's footnote letters renamed; the row itself when nothing changes (most). */
export function renameRowLabel(row: PrintRow, rename: (text: string) => string): PrintRow {
  const label = row.cells[0] ?? '';
  const renamed = rename(label);
  if (row.kind === 'separator' || renamed === label) return row;
  const cells = [renamed, ...row.cells.slice(1)];
  return printRow(row.kind, row.indent, cells, row.continued, row.ardKeys);
}

/**
 * The frame of a form (marks, trace, lettered titles, header and footnotes, columns) and the lines its
 * pages leave for body rows.
 */
export function printFrame(
  parts: Pick<FormParts, 'id' | 'flags' | 'titleLines' | 'header' | 'linesPerPage'>,
  letters: ReturnType<typeof reletterFootnotes>,
  columns: (header: readonly (readonly string[])[]) => { layout: ColumnLayout; align: (ColumnAlign | null)[] },
): { frame: PrintFrame; capacity: number } {
  const marks = markLines(parts.flags);
  const trace = parts.flags.trace === undefined ? null : traceLine(parts.id, parts.flags.trace);
  const titleLines = parts.titleLines.map(letters.rename);
  const header = parts.header.map((h) => h.map(letters.rename));
  const { layout, align } = columns(header);
  const frame: PrintFrame = {
    id: parts.id,
    flags: parts.flags,
    marks,
    titleLines,
    trace,
    header,
    columnWidths: layout.widths,
    align,
    edges: layout.edges,
    cellChars: layout.chars,
    footnotes: letters.footnotes,
  };
  (globalThis as any).__fast?.('frame ' + parts.id, frame);
  const footnoteLines = letters.footnotes.reduce((s, f) => s + pageTextLines(f).length, 0);
  const linesPerPage = Math.min(parts.linesPerPage, LINES_PER_PAGE);
  return { frame, capacity: linesPerPage - topLines(frame) - headerHeight(frame) - 3 - footnoteLines };
}

/**
 * A print form from its frame, pages and rows, whole (tables) or streamed (listings). Every form is made
 * here, field by field, so that every form has one object shape: spread from the frame
 * (`{ ...frame, rows, pages }`), V8 gave most forms a map of their own, and each renderer function
 * optimized for one form's map was thrown away ("wrong map") at the next form.
 */
export function formOf<R extends Iterable<PrintRow>, P extends Iterable<PrintPage>>(
  frame: PrintFrame,
  pageCount: number,
  rows: R,
  pages: P,
): PrintFrame & { readonly pageCount: number; readonly rows: R; readonly pages: P } {
  return {
    id: frame.id,
    flags: frame.flags,
    marks: frame.marks,
    titleLines: frame.titleLines,
    trace: frame.trace,
    header: frame.header,
    columnWidths: frame.columnWidths,
    align: frame.align,
    edges: frame.edges,
    cellChars: frame.cellChars,
    footnotes: frame.footnotes,
    pageCount,
    rows,
    pages,
  };
}

/** A page as printed: its number, rows and the footnotes they (and the titles and header) use. */
export function printPage(frame: PrintFrame, rows: readonly PrintRow[], index: number): PrintPage {
  const texts = [...frame.titleLines, ...frame.header.flat(), ...rows.map((r) => r.cells[0] ?? '')];
  return { number: index + 1, rows, footnotes: pageFootnotes(frame.footnotes, texts) };
}

/** Letters, alignment, widths, wrapping and pages: the print form from its parts (tables and listings). */
export function layoutPrintForm(parts: FormParts): PrintForm {
  const letters = formLetters(
    parts,
    parts.rows.map((r) => r.cells[0] ?? ''),
  );
  // A row whose label has no letter to rename is kept as it is (no copy: listings have many rows).
  const rows = parts.rows.map((r) => renameRowLabel(r, letters.rename));
  const { frame, capacity } = printFrame(parts, letters, (header) => {
    const align = Array.from({ length: header[0]?.length ?? 0 }, (_, i) =>
      i === 0 || !parts.decimalAlign
        ? null
        : columnAlign(rows.filter((r) => r.kind === 'stat').map((r) => r.cells[i] ?? '')),
    );
    const layout =
      parts.fitToPage === true ? fittedColumns(columnNeeds(header, rows)) : naturalColumns(header, rows, align);
    return { layout, align };
  });
  const pageRows = paginate(rows, capacity, {
    height: (r) => rowHeight(frame, r),
    continuation: (i) => continuationRows(rows, i),
  });
  return formOf(
    frame,
    pageRows.length,
    rows,
    pageRows.map((p, i) => printPage(frame, p, i)),
  );
}

export function buildPrintForm(spec: TableSpec, lookup: ValueLookup, options: PrintOptions): PrintForm {
  checkTableSpec(spec);
  const header = headerRows(spec, lookup);
  const body = bodyRows(spec, lookup);
  const footnotes = body.anyNotEstimable ? [...spec.footnotes, spec.notEstimableFootnote] : [...spec.footnotes];
  return layoutPrintForm({
    id: spec.id,
    flags: options.flags,
    titleLines: [`Table ${displayNumber(spec.id)}`, ...spec.titles, spec.populationLabel],
    header,
    rows: body.rows,
    footnotes,
    decimalAlign: true,
    linesPerPage: options.linesPerPage,
  });
}

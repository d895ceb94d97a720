/**
 * The print form: one flat, fully formatted description of a table (all cells already strings) that
 * every renderer (RTF, HTML, text) reads and nothing else. Built from a data-free spec and the ARD.
 *
 * Pagination (r2rtf-style, decided here once for every renderer): a page holds `linesPerPage` lines
 * in total; the page line, the mark and title lines, a blank line, three rules, the header rows and
 * the footnotes repeat on every page, the body rows fill the rest. Body rows come in blocks (between
 * separator rows); a block moves whole to the next page when it does not fit; a block longer than a
 * page is split, but a page never ends on a label row and never begins or ends with a separator.
 * Each body row and each footnote counts as one line (long texts that wrap are not measured).
 */
import type { ValueLookup } from './ard-lookup.js';
import { valueKey } from './ard-lookup.js';
import { formatCell } from './cell.js';
import { NOT_ESTIMABLE } from './format.js';
import { checkTableSpec } from './table-spec.js';
import type { ColumnSpec, StatRowSpec, TableSpec } from './table-spec.js';

/** Run-level marks that every output of the run must carry in its title. */
export interface PrintFlags {
  /** The lock was not verified (`--draft`). */
  readonly draft: boolean;
  /** Arms come from `--dummy-randomization`, not the real assignment. */
  readonly dummyRandomization: boolean;
}

export const DRAFT_MARK = 'DRAFT \u2014 lock not verified';
export const DUMMY_MARK = 'DUMMY RANDOMIZATION \u2014 not the real treatment assignment';

export interface PrintRow {
  readonly kind: 'label' | 'stat' | 'separator';
  readonly indent: number;
  /** cells[0] is the row label; then one string per column ('' where the row has no value). */
  readonly cells: readonly string[];
}

export interface PrintPage {
  /** 1-based. */
  readonly number: number;
  readonly rows: readonly PrintRow[];
}

export interface PrintForm {
  readonly id: string;
  readonly flags: PrintFlags;
  /** Lines from the flags (DRAFT, DUMMY RANDOMIZATION): every renderer shows them first, above the titles. */
  readonly marks: readonly string[];
  /** `Table <id>`, the spec's titles, the population label. */
  readonly titleLines: readonly string[];
  /** Header rows; each has the stub cell and one cell per column. */
  readonly header: readonly (readonly string[])[];
  /** Natural width of each column in characters (stub first), for fixed-width layouts and proportions. */
  readonly columnWidths: readonly number[];
  /** Every body row in order, unpaginated (for media that do not paginate, e.g. HTML). */
  readonly rows: readonly PrintRow[];
  readonly pages: readonly PrintPage[];
  readonly footnotes: readonly string[];
}

export interface PrintOptions {
  readonly flags: PrintFlags;
  /** Lines on a page, everything included (see the module comment). */
  readonly linesPerPage: number;
}

/** Characters of indentation per level in fixed-width layouts. */
export const INDENT_CHARS = 2;

export function markLines(flags: PrintFlags): string[] {
  const lines: string[] = [];
  if (flags.draft) lines.push(DRAFT_MARK);
  if (flags.dummyRandomization) lines.push(DUMMY_MARK);
  return lines;
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

function statRow(row: StatRowSpec, columns: readonly ColumnSpec[], lookup: ValueLookup): BodyResult {
  const cells = columns.map((c) => {
    if (row.columns !== undefined && !row.columns.includes(c.id)) return '';
    return formatCell(row.format, (ref) => lookup(valueKey(row.key, c.group, ref)));
  });
  // The footnote explains NE only where a cell shows it (a missing descriptive statistic is blank).
  const anyNull = cells.some((text) => NE_TOKEN.test(text));
  return { rows: [{ kind: 'stat', indent: row.indent, cells: [row.label, ...cells] }], anyNotEstimable: anyNull };
}

function bodyRows(spec: TableSpec, lookup: ValueLookup): BodyResult {
  const rows: PrintRow[] = [];
  let anyNotEstimable = false;
  const blanks = spec.columns.map(() => '');
  for (const r of spec.rows) {
    switch (r.kind) {
      case 'separator':
        rows.push({ kind: 'separator', indent: 0, cells: ['', ...blanks] });
        break;
      case 'label':
        rows.push({ kind: 'label', indent: r.indent, cells: [r.label, ...blanks] });
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

function columnWidths(header: readonly (readonly string[])[], rows: readonly PrintRow[]): number[] {
  const widths = (header[0] ?? []).map(() => 0);
  const see = (i: number, len: number) => {
    widths[i] = Math.max(widths[i] ?? 0, len);
  };
  for (const h of header) h.forEach((cell, i) => see(i, cell.length));
  for (const r of rows) {
    r.cells.forEach((cell, i) => see(i, i === 0 ? cell.length + r.indent * INDENT_CHARS : cell.length));
  }
  return widths;
}

/** Splits body rows into blocks at separator rows (separators dropped). */
function blocksOf(rows: readonly PrintRow[]): PrintRow[][] {
  const blocks: PrintRow[][] = [[]];
  for (const r of rows) {
    if (r.kind === 'separator') blocks.push([]);
    else blocks[blocks.length - 1]?.push(r);
  }
  return blocks.filter((b) => b.length > 0);
}

/** Lines on every page that are not body rows: page line, titles, blank, header, three rules, footnotes. */
export function pageOverhead(titleLines: number, headerRows: number, footnotes: number): number {
  return 1 + titleLines + 1 + headerRows + 3 + footnotes;
}

/** Body rows onto pages of `capacity` rows each (see the module comment for the rules). */
export function paginate(rows: readonly PrintRow[], capacity: number): PrintRow[][] {
  if (!Number.isInteger(capacity) || capacity < 2) {
    throw new RangeError(`a page must have room for at least 2 body rows (has ${capacity})`);
  }
  const separator = rows.find((r) => r.kind === 'separator');
  const pages: PrintRow[][] = [[]];
  const current = () => pages[pages.length - 1] as PrintRow[];
  for (const block of blocksOf(rows)) {
    const page = current();
    const needed = block.length + (page.length > 0 && separator ? 1 : 0);
    if (page.length + needed <= capacity) {
      if (page.length > 0 && separator) page.push(separator);
      page.push(...block);
      continue;
    }
    if (block.length <= capacity) {
      if (page.length > 0) pages.push([]);
      current().push(...block);
      continue;
    }
    splitBlock(block, capacity, pages, separator);
  }
  const trimmed = pages.map(trimSeparators).filter((p) => p.length > 0);
  return trimmed.length > 0 ? trimmed : [[]];
}

function trimSeparators(page: readonly PrintRow[]): PrintRow[] {
  let start = 0;
  let end = page.length;
  while (start < end && page[start]?.kind === 'separator') start++;
  while (end > start && page[end - 1]?.kind === 'separator') end--;
  return page.slice(start, end);
}

function splitBlock(block: readonly PrintRow[], capacity: number, pages: PrintRow[][], separator?: PrintRow): void {
  let rest = [...block];
  let page = pages[pages.length - 1] as PrintRow[];
  if (page.length > 0) {
    if (page.length + 2 <= capacity && separator) page.push(separator);
    else {
      page = [];
      pages.push(page);
    }
  }
  while (rest.length > 0) {
    const room = capacity - page.length;
    let take = Math.min(room, rest.length);
    // A page must not end on a heading whose rows follow on the next page.
    while (take > 0 && take < rest.length && rest[take - 1]?.kind === 'label') take--;
    if (take === 0 && page.length === 0) take = Math.min(room, rest.length);
    page.push(...rest.slice(0, take));
    rest = rest.slice(take);
    if (rest.length > 0) {
      page = [];
      pages.push(page);
    }
  }
}

export function buildPrintForm(spec: TableSpec, lookup: ValueLookup, options: PrintOptions): PrintForm {
  checkTableSpec(spec);
  const header = headerRows(spec, lookup);
  const body = bodyRows(spec, lookup);
  const footnotes = body.anyNotEstimable ? [...spec.footnotes, spec.notEstimableFootnote] : [...spec.footnotes];
  const marks = markLines(options.flags);
  const titleLines = [`Table ${spec.id}`, ...spec.titles, spec.populationLabel];
  const overhead = pageOverhead(marks.length + titleLines.length, header.length, footnotes.length);
  const pages = paginate(body.rows, options.linesPerPage - overhead).map((rows, i) => ({ number: i + 1, rows }));
  return {
    id: spec.id,
    flags: options.flags,
    marks,
    titleLines,
    header,
    columnWidths: columnWidths(header, body.rows),
    rows: body.rows,
    pages,
    footnotes,
  };
}

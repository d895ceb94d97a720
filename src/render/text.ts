/**
 * Fixed-width plain text from a print form: per page, the page line (study left, `Page i of n`
 * right), the trace line, the centred marks and title lines, a blank line, rules around the header,
 * body rows (labels left, indented and wrapped as in the RTF; values decimal-aligned and centred; text
 * cells of listings stacked and wrapped on lines of their own, as in the RTF; headers wider than their
 * column wrapped and sitting on the rule), a
 * closing rule and the page's footnotes wrapped to the page width; pages separated by a form feed. The
 * line count per page is at most what print-form.ts budgets for. LF line ends, no trailing spaces.
 */
import { INDENT_CHARS, PAGE_CHARS } from './page-layout.js';
import { headerCellLines, pageCountOf, pageTextLines, stubLines, valueCellLine, valueCellLines } from './print-form.js';
import type { Printable, PrintFrame, PrintPage, PrintRow } from './print-form.js';

const GAP = '  ';

function centre(text: string, width: number): string {
  const left = Math.max(0, Math.floor((width - text.length) / 2));
  return ' '.repeat(left) + text;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

/** Runs of blanks made once: every cell of every text page is padded with some. */
const BLANKS = Array.from({ length: 161 }, (_, n) => ' '.repeat(n));

function blanks(n: number): string {
  return BLANKS[n] ?? ' '.repeat(n);
}

/** `pad(centre(text, width), width)` in one concatenation (every cell of every text page). */
function centreIn(text: string, width: number): string {
  const left = Math.max(0, Math.floor((width - text.length) / 2));
  return blanks(left) + text + blanks(Math.max(0, width - left - text.length));
}

/** Column widths in characters: the stub as wrapped in the RTF, value columns at their natural width. */
function widthsOf(form: PrintFrame): number[] {
  return form.columnWidths.map((w, i) => (i === 0 ? Math.min(w, form.cellChars[0] ?? w) : w));
}

function tableWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
}

/**
 * Printed lines of a row whose cells each hold `cells[i]` lines; `top` aligns short cells to the top, else
 * the bottom. Per line: the stub (indented, padded) and the other cells centred in their widths, joined by
 * GAP, trailing blanks trimmed. Loops, not closures and mapped arrays: every row of every listing page
 * passes here.
 */
function stackedLines(
  cells: readonly (readonly string[])[],
  widths: readonly number[],
  stubIndent: string,
  top: boolean,
): string[] {
  let height = 1;
  for (let i = 0; i < cells.length; i++) height = Math.max(height, (cells[i] as readonly string[]).length);
  const out = new Array<string>(height);
  for (let k = 0; k < height; k++) {
    let text = '';
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] as readonly string[];
      const cell = (top ? c[k] : c[k - (height - c.length)]) ?? '';
      const w = widths[i] ?? cell.length;
      if (i === 0) text = pad(cell === '' ? '' : stubIndent + cell, w);
      else text += GAP + centreIn(cell, w);
    }
    out[k] = text.trimEnd();
  }
  return out;
}

/**
 * The printed line of a body row whose every cell is one line (most listing rows), as stackedLines would
 * give it; undefined for a row that takes more (bodyLines). No line array per cell, no array per row.
 */
function oneLine(row: PrintRow, form: PrintFrame, widths: readonly number[]): string | undefined {
  if (row.kind === 'separator') return '';
  const stub = stubLines(form, row);
  if (stub.length !== 1) return undefined;
  const label = stub[0] as string;
  let text = pad(label === '' ? '' : blanks(row.indent * INDENT_CHARS) + label, widths[0] ?? label.length);
  for (let i = 1; i < row.cells.length; i++) {
    const cell = valueCellLine(form, row.cells[i] as string, i);
    if (cell === undefined) return undefined;
    text += GAP + centreIn(cell, widths[i] ?? cell.length);
  }
  return text.trimEnd();
}

function bodyLines(row: PrintRow, form: PrintFrame, widths: readonly number[]): string[] {
  if (row.kind === 'separator') return [''];
  const cells = row.cells.map((c, i) => (i === 0 ? stubLines(form, row) : valueCellLines(form, c, i)));
  return stackedLines(cells, widths, ' '.repeat(row.indent * INDENT_CHARS), true);
}

/** A header row: each cell wrapped to its column as in the RTF, lines sitting on the rule below. */
function headerLines(form: PrintFrame, header: readonly string[], widths: readonly number[]): string[] {
  // A header wider than its column wraps as in the RTF; one that fits stays on its line.
  const cells = header.map((c, i) =>
    c.includes('\n') || c.length > (widths[i] ?? 0) ? headerCellLines(form, c, i) : [c],
  );
  return stackedLines(cells, widths, '', false);
}

function renderPage(form: PrintFrame, page: PrintPage, total: number): string[] {
  const widths = widthsOf(form);
  const width = Math.min(PAGE_CHARS, Math.max(tableWidth(widths), 40));
  const rule = '-'.repeat(tableWidth(widths));
  const pageText = `Page ${page.number} of ${total}`;
  const study = form.flags.trace?.study ?? '';
  return [
    study + ' '.repeat(Math.max(study === '' ? 0 : 1, width - study.length - pageText.length)) + pageText,
    ...(form.trace === null ? [] : [form.trace]),
    ...[...form.marks, ...form.titleLines].flatMap((t) => pageTextLines(t).map((l) => centre(l, width).trimEnd())),
    '',
    rule,
    ...form.header.flatMap((h) => headerLines(form, h, widths)),
    rule,
    ...bodyOf(form, page.rows, widths),
    rule,
    ...page.footnotes.flatMap(pageTextLines),
  ];
}

/** A page's body lines: a row of one-line cells as its line, any other row as bodyLines gives it. */
function bodyOf(form: PrintFrame, rows: readonly PrintRow[], widths: readonly number[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const line = oneLine(r, form, widths);
    if (line !== undefined) out.push(line);
    else for (const l of bodyLines(r, form, widths)) out.push(l);
  }
  return out;
}

export function renderText(form: Printable): string {
  return [...renderTextPieces(form)].join('');
}

/** renderText's text in pieces, one per page (joined, the same bytes; see renderRtfPieces). */
export function* renderTextPieces(form: Printable): Generator<string> {
  const total = pageCountOf(form);
  let first = true;
  for (const page of form.pages) {
    const lines = renderPage(form, page, total);
    // After the first page: a line break and a form feed before the page, in the one join that makes it
    // (a prefix added to the joined page would be copied again when written).
    if (!first) lines.unshift('', `\f${lines.shift() ?? ''}`);
    yield lines.join('\n');
    first = false;
  }
  yield '\n';
}

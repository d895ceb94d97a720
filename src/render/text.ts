/**
 * Fixed-width plain text from a print form: per page, the page line (study left, `Page i of n`
 * right), the trace line, the centred marks and title lines, a blank line, rules around the header,
 * body rows (labels left, indented and wrapped as in the RTF; values decimal-aligned and centred), a
 * closing rule and the page's footnotes wrapped to the page width; pages separated by a form feed. The
 * line count per page is at most what print-form.ts budgets for. LF line ends, no trailing spaces.
 */
import { INDENT_CHARS, PAGE_CHARS } from './page-layout.js';
import { pageTextLines, printedCell, stubLines } from './print-form.js';
import type { PrintForm, PrintPage, PrintRow } from './print-form.js';

const GAP = '  ';

function centre(text: string, width: number): string {
  const left = Math.max(0, Math.floor((width - text.length) / 2));
  return ' '.repeat(left) + text;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

function centreIn(text: string, width: number): string {
  return pad(centre(text, width), width);
}

/** Column widths in characters: the stub as wrapped in the RTF, value columns at their natural width. */
function widthsOf(form: PrintForm): number[] {
  return form.columnWidths.map((w, i) => (i === 0 ? Math.min(w, form.cellChars[0] ?? w) : w));
}

function tableWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
}

function line(cells: readonly string[], widths: readonly number[], stub: string): string {
  return cells
    .map((cell, i) => {
      const w = widths[i] ?? cell.length;
      return i === 0 ? pad(stub, w) : centreIn(cell, w);
    })
    .join(GAP)
    .trimEnd();
}

function bodyLines(row: PrintRow, form: PrintForm, widths: readonly number[]): string[] {
  if (row.kind === 'separator') return [''];
  const indent = ' '.repeat(row.indent * INDENT_CHARS);
  const values = row.cells.map((c, i) => (i === 0 ? '' : printedCell(form, c, i)));
  const blanks = values.map(() => '');
  return stubLines(form, row).map((text, k) => line(k === 0 ? values : blanks, widths, indent + text));
}

function renderPage(form: PrintForm, page: PrintPage, total: number): string[] {
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
    ...form.header.map((h) => line(h, widths, h[0] ?? '')),
    rule,
    ...page.rows.flatMap((r) => bodyLines(r, form, widths)),
    rule,
    ...page.footnotes.flatMap(pageTextLines),
  ];
}

export function renderText(form: PrintForm): string {
  return [...renderTextPieces(form)].join('');
}

/** renderText's text in pieces, one per page (joined, the same bytes; see renderRtfPieces). */
export function* renderTextPieces(form: PrintForm): Generator<string> {
  const total = form.pages.length;
  for (const [i, page] of form.pages.entries()) yield `${i === 0 ? '' : '\n\f'}${renderPage(form, page, total).join('\n')}`;
  yield '\n';
}

/**
 * Fixed-width plain text from a print form: per page, the page line (right), the centred title lines,
 * a blank line, rules around the header, body rows (labels left and indented, values centred), a
 * closing rule and the footnotes; pages separated by a form feed. Line count per page is what
 * print-form.ts budgets for. LF line ends, no trailing spaces.
 */
import { INDENT_CHARS } from './print-form.js';
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

function tableWidth(form: PrintForm): number {
  return form.columnWidths.reduce((a, b) => a + b, 0) + GAP.length * (form.columnWidths.length - 1);
}

function line(cells: readonly string[], form: PrintForm, stubIndent: number): string {
  return cells
    .map((cell, i) => {
      const w = form.columnWidths[i] ?? cell.length;
      return i === 0 ? pad(' '.repeat(stubIndent * INDENT_CHARS) + cell, w) : centreIn(cell, w);
    })
    .join(GAP)
    .trimEnd();
}

function bodyLine(row: PrintRow, form: PrintForm): string {
  return row.kind === 'separator' ? '' : line(row.cells, form, row.indent);
}

function renderPage(form: PrintForm, page: PrintPage, total: number): string[] {
  const width = tableWidth(form);
  const rule = '-'.repeat(width);
  const pageLine = `Page ${page.number} of ${total}`;
  return [
    ' '.repeat(Math.max(0, width - pageLine.length)) + pageLine,
    ...[...form.marks, ...form.titleLines].map((t) => centre(t, width).trimEnd()),
    '',
    rule,
    ...form.header.map((h) => line(h, form, 0)),
    rule,
    ...page.rows.map((r) => bodyLine(r, form)),
    rule,
    ...form.footnotes,
  ];
}

export function renderText(form: PrintForm): string {
  const total = form.pages.length;
  return `${form.pages.map((p) => renderPage(form, p, total).join('\n')).join('\n\f')}\n`;
}

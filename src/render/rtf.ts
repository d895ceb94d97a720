/**
 * RTF 1.x from a print form, in the manner of R's r2rtf: plain control words, landscape US letter
 * (`\landscape\paperw15840\paperh12240`, 1-inch margins), Courier New 9 pt, one table per page with
 * `\trowd`/`\cellx` rows, top and bottom borders on the header (`\clbrdrt`/`\clbrdrb`), a bottom
 * border under the last body row, header rows flagged `\trhdr` (repeated by Word and LibreOffice if
 * a page overflows), `\page` between pages. No `\info` block and nothing from the clock, so the same
 * print form always gives the same bytes. Reference: Microsoft RTF Specification 1.9.1.
 */
import type { PrintForm, PrintPage, PrintRow } from './print-form.js';

const PAGE_WIDTH = 15840;
const PAGE_HEIGHT = 12240;
const MARGIN = 1440;
const TABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FONT_SIZE_HALF_POINTS = 18;
const INDENT_TWIPS = 180;
const BORDER = '\\brdrs\\brdrw15';

/** Text to RTF: escapes `\ { }`, writes every non-ASCII UTF-16 unit as `\uN?` (N signed 16-bit). */
export function escapeRtf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (ch === '\t') out += '\\tab ';
    else if (ch === '\n') out += '\\line ';
    else if (c < 0x20) continue; // other control characters have no meaning in table text
    else if (c < 0x80) out += ch;
    else out += `\\u${c > 0x7fff ? c - 0x10000 : c}?`;
  }
  return out;
}

/** Width of one Courier New character at 9 pt: 0.6 em = 5.4 pt = 108 twips. */
const CHAR_TWIPS = (FONT_SIZE_HALF_POINTS / 2) * 0.6 * 20;
/** Cell padding: `\trgaph108` on each side. */
const PAD_TWIPS = 2 * 108;
/** The stub (row labels) never gets narrower than this many characters; longer labels wrap. */
const MIN_STUB_CHARS = 24;

/**
 * Right edges of the cells in twips, ending at the text width. Numbers must never wrap, labels may:
 * every value column gets at least its natural width (its longest text, one character of slack and the
 * cell padding), spare
 * room is shared by the value columns, and when the page is too narrow the stub gives way first (down
 * to MIN_STUB_CHARS), only then every column shrinks in proportion.
 */
export function cellEdges(columnWidths: readonly number[]): number[] {
  // One character of slack: Word and LibreOffice wrap a cell whose text fills it exactly.
  const need = columnWidths.map((w, i) => (Math.max(w, i === 0 ? MIN_STUB_CHARS : 4) + 1) * CHAR_TWIPS + PAD_TWIPS);
  const [stub = 0, ...values] = need;
  const valuesNeed = values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (stub + valuesNeed <= TABLE_WIDTH) {
    const spare = TABLE_WIDTH - stub - valuesNeed;
    widths = values.length === 0 ? [TABLE_WIDTH] : [stub, ...values.map((w) => w + spare / values.length)];
  } else if (valuesNeed + MIN_STUB_CHARS * CHAR_TWIPS + PAD_TWIPS <= TABLE_WIDTH) {
    widths = [TABLE_WIDTH - valuesNeed, ...values];
  } else {
    const scale = TABLE_WIDTH / (stub + valuesNeed);
    widths = need.map((w) => w * scale);
  }
  let sum = 0;
  return widths.map((w) => {
    sum += w;
    return Math.round(sum);
  });
}

function paragraph(text: string, align: 'qc' | 'ql' | 'qr'): string {
  return `{\\pard\\plain\\${align}\\sb0\\sa0\\f0\\fs${FONT_SIZE_HALF_POINTS} ${escapeRtf(text)}\\par}`;
}

interface RowStyle {
  readonly header: boolean;
  readonly top: boolean;
  readonly bottom: boolean;
}

function tableRow(cells: readonly string[], indent: number, edges: readonly number[], style: RowStyle): string {
  const borders = (style.top ? `\\clbrdrt${BORDER}` : '') + (style.bottom ? `\\clbrdrb${BORDER}` : '');
  const defs = edges.map((x) => `${borders}\\clvertalb\\cellx${x}`).join('');
  const body = cells
    .map((cell, i) => {
      const align = i === 0 ? '\\ql' : '\\qc';
      const li = i === 0 && indent > 0 ? `\\li${indent * INDENT_TWIPS}` : '';
      return `\\pard\\plain\\intbl${align}${li}\\sb0\\sa0\\f0\\fs${FONT_SIZE_HALF_POINTS} ${escapeRtf(cell)}\\cell`;
    })
    .join('\n');
  return `\\trowd\\trgaph108\\trleft0\\trqc${style.header ? '\\trhdr' : ''}\n${defs}\n${body}\n\\row`;
}

function bodyRow(row: PrintRow, edges: readonly number[], last: boolean): string {
  return tableRow(row.cells, row.indent, edges, { header: false, top: false, bottom: last });
}

function renderPage(form: PrintForm, page: PrintPage, total: number, edges: readonly number[]): string[] {
  const lastHeader = form.header.length - 1;
  return [
    paragraph(`Page ${page.number} of ${total}`, 'qr'),
    ...form.marks.map((t) => paragraph(t, 'qc')),
    ...form.titleLines.map((t) => paragraph(t, 'qc')),
    paragraph('', 'qc'),
    ...form.header.map((h, i) =>
      tableRow(h, 0, edges, { header: true, top: i === 0, bottom: i === lastHeader }),
    ),
    ...page.rows.map((r, i) => bodyRow(r, edges, i === page.rows.length - 1)),
    ...form.footnotes.map((f) => paragraph(f, 'ql')),
  ];
}

export function renderRtf(form: PrintForm): string {
  const edges = cellEdges(form.columnWidths);
  const total = form.pages.length;
  const pages = form.pages.map((p) => renderPage(form, p, total, edges).join('\n'));
  return [
    '{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0',
    '{\\fonttbl{\\f0\\fmodern\\fcharset0\\fprq1 Courier New;}}',
    `\\landscape\\paperw${PAGE_WIDTH}\\paperh${PAGE_HEIGHT}\\margl${MARGIN}\\margr${MARGIN}\\margt${MARGIN}\\margb${MARGIN}`,
    `\\sectd\\lndscpsxn\\pgwsxn${PAGE_WIDTH}\\pghsxn${PAGE_HEIGHT}\\widowctrl\\fs${FONT_SIZE_HALF_POINTS}`,
    pages.join('\n\\page\n'),
    '}',
    '',
  ].join('\n');
}

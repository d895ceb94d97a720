/**
 * RTF 1.x from a print form, as SAS ODS RTF and R's r2rtf write it: landscape US letter declared in
 * the document and the section (`\landscape`, `\lndscpsxn`, `\paperw15840\paperh12240`, margins),
 * Courier New 9 pt on an exact 11 pt line (page-layout.ts). The page header (`\header`) holds the study
 * and `Page {PAGE} of {NUMPAGES}` (fields), the trace line, the DRAFT/DUMMY marks and the titles, so
 * every physical page carries them. Each logical page of the print form is a table of its own, after
 * an explicit `\page`: header rows flagged `\trhdr` (repeated by Word and LibreOffice
 * should a page ever overflow), rows kept whole (`\trkeep`), the page's footnotes under it. The print
 * form has wrapped every text to its cell, so each row's height is known and no page overflows.
 * Value cells are decimal-aligned with a decimal tab stop (`\tqdec\txN`) on the head of `n (%)`,
 * `mean (SD)`, `estimate (CI)` (align.ts). No `\info` block and nothing from the clock, so the
 * same print form always gives the same bytes. Reference: Microsoft RTF Specification 1.9.1.
 */
import type { ColumnAlign } from './align.js';
import { alignedParts } from './align.js';
import {
  CHAR_TWIPS,
  FONT_SIZE_HALF_POINTS,
  FOOTER_Y,
  HEADER_Y,
  INDENT_CHARS,
  LINE_TWIPS,
  MARGIN_BOTTOM,
  MARGIN_SIDE,
  PAD_TWIPS,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  TEXT_WIDTH,
  fitsOnOneLine,
} from './page-layout.js';
import { headerCellLines, pageCountOf, pageTextLines, stubLines, topLines } from './print-form.js';
import type { Printable, PrintFrame, PrintPage, PrintRow } from './print-form.js';

export { cellEdges } from './page-layout.js';

const BORDER = '\\brdrs\\brdrw15';
/** Paragraph defaults: no spacing, exact line pitch, the one font. */
const PARA = `\\sb0\\sa0\\sl-${LINE_TWIPS}\\slmult0\\nowidctlpar\\f0\\fs${FONT_SIZE_HALF_POINTS}`;

/** A character escapeRtf changes: `\ { }`, a control character (tab and LF included), anything not ASCII. */
const RTF_SPECIAL = /[\\{}\u0000-\u001f\u007f-\uffff]/;

/** Text to RTF: escapes `\ { }`, writes every non-ASCII UTF-16 unit as `\uN?` (N signed 16-bit). */
export function escapeRtf(text: string): string {
  // Most text is printable ASCII without `\ { }`: returned as it is after one test, not rebuilt a character at a time.
  if (!RTF_SPECIAL.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (ch === '\t') out += '\\tab ';
    else if (ch === '\n') out += '\\line ';
    else if (c < 0x20)
      continue; // other control characters have no meaning in table text
    else if (c < 0x80) out += ch;
    else out += `\\u${c > 0x7fff ? c - 0x10000 : c}?`;
  }
  return out;
}

/** Printed lines joined by `\line` (the print form wrapped them). */
function lines(texts: readonly string[]): string {
  // Most cells are one line (every cell of a listing that fits): no mapped array to join. A loop, not
  // map and join: inlined into the row writers, the two builtins were deoptimized ("wrong map") by the
  // line arrays of another kind, and the row writers compiled again.
  if (texts.length === 0) return '';
  let out = escapeRtf(texts[0] as string);
  for (let i = 1; i < texts.length; i++) out += `\\line ${escapeRtf(texts[i] as string)}`;
  return out;
}

function paragraph(texts: readonly string[], align: 'qc' | 'ql' | 'qr', extra = ''): string {
  return `{\\pard\\plain\\${align}${PARA}${extra} ${lines(texts)}\\par}`;
}

function field(instruction: string, result: string): string {
  return `{\\field{\\*\\fldinst { ${instruction} }}{\\fldrslt {${result}}}}`;
}

/** The page header: study left and `Page x of y` right, trace line, marks, titles, a blank line. */
function pageHeader(form: PrintFrame, total: number): string {
  const study = form.flags.trace?.study ?? '';
  const pageLine = `{\\pard\\plain\\ql${PARA}\\tqr\\tx${TEXT_WIDTH} ${escapeRtf(study)}\\tab Page ${field('PAGE', '1')} of ${field('NUMPAGES', String(total))}\\par}`;
  return [
    '{\\header',
    pageLine,
    ...(form.trace === null ? [] : [paragraph([form.trace], 'ql')]),
    ...form.marks.map((m) => paragraph(pageTextLines(m), 'qc', '\\b')),
    ...form.titleLines.map((t) => paragraph(pageTextLines(t), 'qc')),
    paragraph([''], 'qc'),
    '}',
  ].join('\n');
}

/** Section properties of every page: landscape letter, margins, the top margin holding the header. */
function sectionProperties(form: PrintFrame): string {
  const top = HEADER_Y + topLines(form) * LINE_TWIPS;
  return (
    `\\sectd\\lndscpsxn\\pgwsxn${PAGE_WIDTH}\\pghsxn${PAGE_HEIGHT}` +
    `\\marglsxn${MARGIN_SIDE}\\margrsxn${MARGIN_SIDE}\\margtsxn${top}\\margbsxn${MARGIN_BOTTOM}` +
    `\\headery${HEADER_Y}\\footery${FOOTER_Y}`
  );
}

interface RowStyle {
  readonly header: boolean;
  readonly top: boolean;
  readonly bottom: boolean;
}

/**
 * A decimal-aligned value cell: a decimal tab stop (`\tqdec`) where the column's heads align, the
 * column's aligned block centred in the cell; the tail after a left tab stop just past this cell's
 * head, so that the decimal tab never looks for its point in the tail (`13 (48.1)`).
 */
function valueCell(text: string, a: ColumnAlign | null, cellWidth: number, chars: number): string {
  if (a === null) return `\\qc${PARA} ${lines(pageCellLines(text, chars))}`;
  if (text === '') return `\\qc${PARA} `;
  const left = Math.max(0, Math.floor((cellWidth - PAD_TWIPS - a.width * CHAR_TWIPS) / 2));
  const decimal = left + a.headInt * CHAR_TWIPS;
  const { head, headInt, tail } = alignedParts(text, a);
  // One point past the head's end (the decimal tab puts the point's left edge on the stop): a stop at
  // the very position the text reached would be skipped and the tail would wrap.
  const tailStop = decimal + (head.length - headInt) * CHAR_TWIPS + 20;
  const stops = `\\tqdec\\tx${decimal}\\tx${tailStop}`;
  return `\\ql${PARA}${stops} \\tab ${escapeRtf(head)}\\tab ${escapeRtf(tail)}`;
}

/** A text cell's printed lines joined by `\\line`; a cell that fits on its one line (most) escaped as it is. */
function textCell(text: string, chars: number): string {
  return fitsOnOneLine(text, chars) ? escapeRtf(text) : lines(pageCellLines(text, chars));
}

function pageCellLines(text: string, chars: number): string[] {
  return text === '' ? [''] : headerCellLines({ cellChars: [chars] }, text, 0);
}

/** Row definitions by cell edges (one array per print form), style and leanness: every body row of a table repeats one. */
const rowDefinitions = new WeakMap<readonly number[], Map<string, string>>();

function rowDefinition(edges: readonly number[], style: RowStyle, lean = false): string {
  let byStyle = rowDefinitions.get(edges);
  if (byStyle === undefined) rowDefinitions.set(edges, (byStyle = new Map()));
  const key = `${style.header ? 'h' : ''}${style.top ? 't' : ''}${style.bottom ? 'b' : ''}${lean ? 'l' : ''}`;
  let definition = byStyle.get(key);
  if (definition === undefined) byStyle.set(key, (definition = makeRowDefinition(edges, style, lean)));
  return definition;
}

function makeRowDefinition(edges: readonly number[], style: RowStyle, lean: boolean): string {
  const borders = (style.top ? `\\clbrdrt${BORDER}` : '') + (style.bottom ? `\\clbrdrb${BORDER}` : '');
  // Header cells sit on the rule under them; body values beside the first line of a wrapped label
  // (top alignment is RTF's default, which a lean row leaves unsaid).
  const valign = style.header ? '\\clvertalb' : lean ? '' : '\\clvertalt';
  const defs = edges.map((x) => `${borders}${valign}\\cellx${x}`).join('');
  return `\\trowd\\trgaph108\\trleft0\\trqc\\trkeep\\trpaddt0\\trpaddft3\\trpaddb0\\trpaddfb3${style.header ? '\\trhdr' : ''}\n${defs}`;
}

function headerRow(form: PrintFrame, cells: readonly string[], style: RowStyle): string {
  const body = cells
    .map(
      (cell, i) =>
        `\\pard\\plain\\intbl\\${i === 0 ? 'ql' : 'qc'}${PARA} ${lines(headerCellLines(form, cell, i))}\\cell`,
    )
    .join('\n');
  return `${rowDefinition(form.edges, style)}\n${body}\n\\row`;
}

/**
 * A row of text cells only (listings), written lean: the paragraph and font properties once, in the
 * row's first cell; every later cell's paragraph inherits them (RTF keeps paragraph properties until
 * the next `\pard`, character properties until changed), only the alignment switching to centred.
 * Renders as the full form does, in a fraction of the bytes (a listing has thousands of rows).
 */
function leanTextRow(form: PrintFrame, row: PrintRow, last: boolean): string {
  const li = row.indent > 0 ? `\\li${row.indent * INDENT_CHARS * CHAR_TWIPS}` : '';
  const stub = `\\pard\\plain\\intbl\\ql${PARA}${li} ${lines(stubLines(form, row))}\\cell`;
  // A loop, not a sliced, mapped and joined array: every row of every listing page is drawn here.
  let values = '';
  for (let i = 1; i < row.cells.length; i++) {
    const cell = row.cells[i] as string;
    values += `${i === 1 ? `${li === '' ? '' : '\\li0'}\\qc` : ''} ${textCell(cell, form.cellChars[i] ?? 1)}\\cell`;
  }
  return `${rowDefinition(form.edges, { header: false, top: false, bottom: last }, true)}\n${stub}${values}\\row`;
}

function bodyRow(form: PrintFrame, row: PrintRow, last: boolean): string {
  if (form.align.every((a) => a === null)) return leanTextRow(form, row, last);
  const body = row.cells
    .map((cell, i) => {
      if (i === 0) {
        const li = row.indent > 0 ? `\\li${row.indent * INDENT_CHARS * CHAR_TWIPS}` : '';
        return `\\pard\\plain\\intbl\\ql${PARA}${li} ${lines(stubLines(form, row))}\\cell`;
      }
      const width = (form.edges[i] ?? 0) - (form.edges[i - 1] ?? 0);
      return `\\pard\\plain\\intbl${valueCell(cell, form.align[i] ?? null, width, form.cellChars[i] ?? 1)}\\cell`;
    })
    .join('\n');
  return `${rowDefinition(form.edges, { header: false, top: false, bottom: last })}\n${body}\n\\row`;
}

/**
 * Between logical pages, r2rtf's page break: a paragraph of one point holding `\page`, so the next
 * page's table starts at the top of the body (LibreOffice and Word alike; a section break would not
 * break the page in LibreOffice when the sections are alike).
 */
const PAGE_BREAK = '{\\pard\\plain\\sb0\\sa0\\sl-20\\slmult0\\fs2\\page\\par}';

/** A page's RTF, after a page break unless it is the first (`\n`, PAGE_BREAK, `\n` and the page, joined once). */
function renderPage(form: PrintFrame, page: PrintPage, first: boolean): string {
  const lastHeader = form.header.length - 1;
  return [
    ...(first ? [] : ['', PAGE_BREAK]),
    ...form.header.map((h, i) => headerRow(form, h, { header: true, top: i === 0, bottom: i === lastHeader })),
    ...page.rows.map((r, i) => bodyRow(form, r, i === page.rows.length - 1)),
    paragraph([''], 'ql'),
    ...page.footnotes.map((f) => paragraph(pageTextLines(f), 'ql')),
  ].join('\n');
}

export function renderRtf(form: Printable): string {
  return [...renderRtfPieces(form)].join('');
}

/**
 * renderRtf's text in pieces, one per page (joined, the same bytes): a listing of a large lock is
 * larger than any one string may be, and its writer holds one page at a time.
 */
export function* renderRtfPieces(form: Printable): Generator<string> {
  const total = pageCountOf(form);
  const top = HEADER_Y + topLines(form) * LINE_TWIPS;
  yield `${[
    '{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0',
    '{\\fonttbl{\\f0\\fmodern\\fcharset0\\fprq1 Courier New;}}',
    `\\paperw${PAGE_WIDTH}\\paperh${PAGE_HEIGHT}\\margl${MARGIN_SIDE}\\margr${MARGIN_SIDE}\\margt${top}\\margb${MARGIN_BOTTOM}\\landscape\\widowctrl\\fs${FONT_SIZE_HALF_POINTS}`,
    sectionProperties(form),
    pageHeader(form, total),
  ].join('\n')}\n`;
  let first = true;
  for (const page of form.pages) {
    yield renderPage(form, page, first);
    first = false;
  }
  yield '\n}\n';
}

/**
 * The printed page every renderer shares (r2rtf's `rtf_page`): landscape US letter, Courier New 9 pt
 * on an exact 11 pt line, so that a line of text is exactly LINE_TWIPS high and a character exactly
 * CHAR_TWIPS wide in Word and LibreOffice alike. From this geometry the print form counts how many
 * lines a page holds and how many characters a cell holds, wraps every text itself (titles, row
 * labels, column headers, footnotes) and so knows each row's height before a word processor sees it:
 * the tool paginates, the word processor never has to.
 */

export const PAGE_WIDTH = 15840;
export const PAGE_HEIGHT = 12240;
/** Left and right margins (1 inch). */
export const MARGIN_SIDE = 1440;
/** Distance from the top edge to the page header (titles), and the bottom margin. */
export const HEADER_Y = 720;
export const MARGIN_BOTTOM = 1080;
export const FOOTER_Y = 720;
export const FONT_SIZE_HALF_POINTS = 18;
/** Exact line pitch (`\sl-220\slmult0`): 11 pt, above Courier New's natural 10.2 pt at 9 pt. */
export const LINE_TWIPS = 220;
/** Width of one Courier New character at 9 pt: 0.6 em = 5.4 pt = 108 twips. */
export const CHAR_TWIPS = 108;
/** Cell padding, left plus right (`\trgaph108`). */
export const PAD_TWIPS = 2 * 108;
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE;
/** Characters of a full-width line (titles, footnotes), two short of the text width for safety. */
export const PAGE_CHARS = Math.floor(TEXT_WIDTH / CHAR_TWIPS) - 2;
/** Lines between the page header's top and the bottom margin: what a page holds, titles included. */
export const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - HEADER_Y - MARGIN_BOTTOM) / LINE_TWIPS);
/** Characters of indentation per level of a row label. */
export const INDENT_CHARS = 2;
/** The stub (row labels) never gets narrower than this many characters; longer labels wrap. */
const MIN_STUB_CHARS = 24;

/**
 * Right edges of the cells in twips, ending at the text width. Numbers must never wrap, labels may:
 * every value column gets at least its natural width (its longest text, one character of slack and the
 * cell padding), spare room is shared by the value columns, and when the page is too narrow the stub
 * gives way first (down to MIN_STUB_CHARS), only then every column shrinks in proportion.
 */
export function cellEdges(columnWidths: readonly number[]): number[] {
  // One character of slack: Word and LibreOffice wrap a cell whose text fills it exactly.
  const need = columnWidths.map((w, i) => (Math.max(w, i === 0 ? MIN_STUB_CHARS : 4) + 1) * CHAR_TWIPS + PAD_TWIPS);
  const [stub = 0, ...values] = need;
  const valuesNeed = values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (stub + valuesNeed <= TEXT_WIDTH) {
    const spare = TEXT_WIDTH - stub - valuesNeed;
    widths = values.length === 0 ? [TEXT_WIDTH] : [stub, ...values.map((w) => w + spare / values.length)];
  } else if (valuesNeed + MIN_STUB_CHARS * CHAR_TWIPS + PAD_TWIPS <= TEXT_WIDTH) {
    widths = [TEXT_WIDTH - valuesNeed, ...values];
  } else {
    const scale = TEXT_WIDTH / (stub + valuesNeed);
    widths = need.map((w) => w * scale);
  }
  let sum = 0;
  return widths.map((w) => {
    sum += w;
    return Math.round(sum);
  });
}

/** Characters that fit in each cell of `edges` (padding and one character of slack taken off). */
export function cellChars(edges: readonly number[]): number[] {
  return edges.map((e, i) => Math.max(1, Math.floor((e - (edges[i - 1] ?? 0) - PAD_TWIPS) / CHAR_TWIPS) - 1));
}

/**
 * Greedy word wrap at `width` characters: breaks at spaces, splits a word longer than a line. The
 * renderers print the lines as given (RTF `\line`), so what is counted is what is printed.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    const candidate = line === '' ? rest : `${line} ${rest}`;
    if (candidate.length <= w) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > w) {
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

/** `T-14.2.1` → `14.2.1`: the number shown after `Table`/`Listing` (the id keeps its prefix in file names). */
export function displayNumber(id: string): string {
  return id.replace(/^[TLF]-/, '');
}

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
/** A value cell is never narrower than this many characters. */
const MIN_VALUE_CHARS = 4;

/**
 * Right edges of the cells in twips, ending at the text width. Numbers must never wrap, labels may:
 * every value column gets at least its natural width (its longest text, one character of slack and the
 * cell padding), spare room is shared by the value columns, and when the page is too narrow the stub
 * gives way first (down to MIN_STUB_CHARS), only then every column shrinks in proportion.
 */
export function cellEdges(
  columnWidths: readonly number[],
  minStubChars = MIN_STUB_CHARS,
  minValueChars = MIN_VALUE_CHARS,
): number[] {
  // One character of slack: Word and LibreOffice wrap a cell whose text fills it exactly.
  const need = columnWidths.map(
    (w, i) => (Math.max(w, i === 0 ? minStubChars : minValueChars) + 1) * CHAR_TWIPS + PAD_TWIPS,
  );
  const [stub = 0, ...values] = need;
  const valuesNeed = values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (stub + valuesNeed <= TEXT_WIDTH) {
    const spare = TEXT_WIDTH - stub - valuesNeed;
    widths = values.length === 0 ? [TEXT_WIDTH] : [stub, ...values.map((w) => w + spare / values.length)];
  } else if (valuesNeed + minStubChars * CHAR_TWIPS + PAD_TWIPS <= TEXT_WIDTH) {
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
  // Most texts fit: one line, as the loop below would give it (it drops leading spaces only).
  // (An empty text is checked before charCodeAt, which past the end had V8 deoptimize its caller.)
  if (text.length <= w && (text.length === 0 || text.charCodeAt(0) !== 32)) return [text];
  // Every line is a run of the text: a line and the next word are the text from the line's start to the
  // word's end (one space between), so lines are found by index and sliced once, not built by joining.
  // The same lines as splitting at each space and appending word by word (a test compares the two).
  const lines: string[] = [];
  let lineStart = 0;
  let lineEnd = 0; // the line is text[lineStart, lineEnd): '' when they are equal
  for (let wordStart = 0; ;) {
    let wordEnd = text.indexOf(' ', wordStart);
    if (wordEnd < 0) wordEnd = text.length;
    const start = lineEnd === lineStart ? wordStart : lineStart;
    if (wordEnd - start <= w) lineStart = start;
    else {
      if (lineEnd !== lineStart) lines.push(text.slice(lineStart, lineEnd));
      lineStart = wordStart;
      // A word longer than a line is split into lines of w characters.
      for (; wordEnd - lineStart > w; lineStart += w) lines.push(text.slice(lineStart, lineStart + w));
    }
    lineEnd = wordEnd;
    if (wordEnd === text.length) break;
    wordStart = wordEnd + 1;
  }
  lines.push(text.slice(lineStart, lineEnd));
  return lines;
}

/**
 * A cell's text as printed lines: a line break in the text (`\n`, values stacked in one cell) always
 * breaks, and each line is word-wrapped at `width` (wrapText).
 */
export function cellLines(text: string, width: number): string[] {
  if (!text.includes('\n')) return wrapText(text, width);
  const lines: string[] = [];
  for (const part of text.split('\n')) for (const line of wrapText(part, width)) lines.push(line);
  return lines;
}

/** True when `cellLines(text, width)` is `[text]`: it fits, has no line break and no leading space (most cells). */
export function fitsOnOneLine(text: string, width: number): boolean {
  // An empty text fits: checked before charCodeAt, which past the end had V8 deoptimize its caller.
  return text.length === 0 || (text.length <= Math.max(1, width) && text.charCodeAt(0) !== 32 && !text.includes('\n'));
}

/** `cellLines(text, width).length`, without making the lines of a text that fits on one. */
export function cellLineCount(text: string, width: number): number {
  return fitsOnOneLine(text, width) ? 1 : cellLines(text, width).length;
}

/** Characters a column of `chars` text characters takes on the page (as cellEdges counts): the text, one of slack, the padding. */
function columnRoom(chars: number, min: number): number {
  return Math.max(chars, min) + 1 + PAD_TWIPS / CHAR_TWIPS;
}

/** How wide a column would like to be, and how narrow it may get without breaking a word. */
export interface ColumnNeed {
  /** The longest line of its header. */
  readonly headerLine: number;
  /** The longest word of its header. */
  readonly headerWord: number;
  /**
   * How many of its cells have their longest line (stacked lines apart) n characters long, at index n
   * (a count per length rather than a number per row: a listing of a large lock has millions of cells).
   */
  readonly lineCounts: readonly number[];
  /** The longest word of its cells: below this a number or a word would break. */
  readonly bodyWord: number;
}

/** Length of the longest space-free word of a text (its lines apart). */
export function longestWord(text: string): number {
  // Counted in place (every cell of a listing is measured): no array of words per cell.
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

/** Length of the longest line of a text with stacked lines. */
export function longestLine(text: string): number {
  // Most cells are one line; the others are measured between line breaks without splitting them.
  let longest = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return Math.max(longest, text.length - start);
}

/** The longest line of a column's cells: the largest length `lineCounts` counts a cell at (0 for none). */
function longestCellLine(lineCounts: readonly number[]): number {
  for (let n = lineCounts.length - 1; n > 0; n--) if ((lineCounts[n] ?? 0) > 0) return n;
  return 0;
}

/** Adds a cell whose longest line is `length` characters to a column's `lineCounts`. */
export function countLine(lineCounts: number[], length: number): void {
  for (let n = lineCounts.length; n <= length; n++) lineCounts.push(0);
  lineCounts[length] = (lineCounts[length] as number) + 1;
}

/** For each width w, how many cells have a line longer than w (and so wrap at w). */
function wrapCounts(lineCounts: readonly number[]): (w: number) => number {
  const longest = longestCellLine(lineCounts);
  const longer = new Array<number>(longest + 1).fill(0);
  for (let n = 1; n <= longest; n++) longer[n - 1] = (longer[n - 1] ?? 0) + (lineCounts[n] ?? 0);
  for (let w = longest - 1; w >= 0; w--) longer[w] = (longer[w] ?? 0) + (longer[w + 1] ?? 0);
  return (w) => (w >= longest ? 0 : (longer[Math.max(0, w)] ?? 0));
}

/**
 * Column widths in characters that fit the page's text width (cellEdges' room: text, slack, padding),
 * wrapping at word boundaries, never inside a word, so a number, a date or a code never wraps (the way
 * SAS and r2rtf listings set a column's width instead of letting a word processor squeeze it):
 * 1. every column at its natural width (its longest line, header included), if that fits;
 * 2. else headers wrap at their words (a header line costs no body line), and the room left widens
 *    the columns whose header wraps, the cheapest first;
 * 3. else bodies wrap too: one character at a time comes off the column where the fewest cells would
 *    wrap (the widest on a tie), none below its longest word, until the table fits.
 * The minimum widths are cellEdges' (pass the same to both). `fits` is false when even the longest
 * words do not fit: the caller then falls back to cellEdges' proportional squeeze, and a test of the
 * output's width catches it.
 */
export function fitColumns(
  needs: readonly ColumnNeed[],
  minStubChars = MIN_STUB_CHARS,
  minValueChars = MIN_VALUE_CHARS,
): { widths: number[]; fits: boolean } {
  const room = TEXT_WIDTH / CHAR_TWIPS;
  const total = (ws: readonly number[]) =>
    ws.reduce((s, w, i) => s + columnRoom(w, i === 0 ? minStubChars : minValueChars), 0);
  const body = needs.map((n) => longestCellLine(n.lineCounts));
  const natural = needs.map((n, i) => Math.max(n.headerLine, body[i] as number));
  if (total(natural) <= room) return { widths: natural, fits: true };
  const widths = needs.map((n, i) => Math.max(body[i] as number, n.headerWord));
  if (total(widths) <= room) {
    const byCost = natural
      .map((w, i) => ({ i, cost: w - (widths[i] as number) }))
      .filter((c) => c.cost > 0)
      .sort((a, b) => a.cost - b.cost || a.i - b.i);
    for (const { i, cost } of byCost) {
      widths[i] = (widths[i] as number) + cost;
      if (total(widths) > room) widths[i] = (widths[i] as number) - cost;
    }
    return { widths, fits: true };
  }
  const floor = needs.map((n) => Math.max(n.bodyWord, n.headerWord));
  if (total(floor) > room) return { widths: floor, fits: false };
  const wraps = needs.map((n) => wrapCounts(n.lineCounts));
  while (total(widths) > room) {
    let best = -1;
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] as number;
      if (w <= (floor[i] as number)) continue;
      const b = widths[best] ?? 0;
      const cost = (wraps[i] as (w: number) => number)(w - 1);
      const bestCost = best < 0 ? Infinity : (wraps[best] as (w: number) => number)(b - 1);
      if (cost < bestCost || (cost === bestCost && w > b)) best = i;
    }
    widths[best] = (widths[best] as number) - 1;
  }
  return { widths, fits: true };
}

/** `T-14.2.1` → `14.2.1`: the number shown after `Table`/`Listing` (the id keeps its prefix in file names). */
export function displayNumber(id: string): string {
  return id.replace(/^[TLF]-/, '');
}

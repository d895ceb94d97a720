/**
 * Decimal alignment of a value column, as SAS and r2rtf tables print it. A cell is a head (up to the
 * first number: the count, estimate, mean or first bound) and an optional tail (` (48.1)`, ` (4.56)`,
 * ` (0.68, 6.68)`, `, 42.0`). Heads align on their decimal point, or on their end when they have none
 * (as a decimal tab stop does: `\tqdec`); the tail follows its head, its first number padded
 * inside the parenthesis (`( 4.8)`) so that tails of rows of one kind line up too. With a fixed-pitch
 * font the same alignment is spaces: `alignCell` pads every cell of a column to one shape, so
 * `13 (48.1)` and ` 1 ( 4.8)` line up in RTF, HTML and text alike.
 */

/**
 * Characters before the decimal point of the heads, of the tails' first numbers (by tail shape, so a
 * percentage is padded like the other percentages of the column, not like a confidence interval), and
 * the aligned width.
 */
export interface ColumnAlign {
  readonly headInt: number;
  readonly tailInts: Readonly<Record<string, number>>;
  readonly width: number;
}

/**
 * A tail's shape: each number as `#` with its decimals kept (` (48.1)` and ` (<0.1)` → ` (#.d)`;
 * ` (4.56)` → ` (#.dd)`; ` (0.68, 6.68)` → ` (#.dd, #.dd)`), so percentages pad with percentages and
 * SDs with SDs of the same precision.
 */
export function tailShape(tail: string): string {
  // One pass over the characters (every value cell's tail is shaped): the same result as removing `<`
  // and `>`, then replacing /-?\d+\.(\d+)/g by `#.d…`, then /-?\d+/g and /NE/g by `#`.
  const t = tail.includes('<') || tail.includes('>') ? tail.replace(/[<>]/g, '') : tail;
  let out = '';
  let i = 0;
  while (i < t.length) {
    const c = codeAt(t, i);
    const start = c === 45 && isDigit(codeAt(t, i + 1)) ? i + 1 : i; // a minus sign belongs to its number
    if (isDigit(codeAt(t, start))) {
      let j = start;
      while (isDigit(codeAt(t, j))) j++;
      // The decimals after a point, if any (a point with none after it stays as it is).
      let k = j;
      if (codeAt(t, j) === 46) for (k = j + 1; isDigit(codeAt(t, k));) k++;
      if (k > j + 1) {
        out += `#.${'d'.repeat(k - j - 1)}`;
        i = k;
      } else {
        out += '#';
        i = j;
      }
    } else if (c === 78 && codeAt(t, i + 1) === 69) {
      out += '#';
      i += 2;
    } else {
      out += t[i];
      i++;
    }
  }
  return out;
}

/**
 * The character code at i, or −1 past the end (where charCodeAt gives NaN: the same for every test
 * here, but reading past the end deoptimized the optimized code of each caller, "out of bounds").
 */
function codeAt(t: string, i: number): number {
  return i < t.length ? t.charCodeAt(i) : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export interface CellParts {
  readonly head: string;
  readonly tail: string;
}

/** The first number of a cell (`<0.001`, `-2.41`, `NE`): what the decimal tab aligns. */
const HEAD = /^(?:[<>]?-?\d+(?:\.\d+)?|NE)/;

/**
 * `13 (48.1)` → head `13`, tail ` (48.1)`; `29.0, 42.0` → `29.0` and `, 42.0`; `0.265` → head only.
 * The tail keeps its separator, so head + tail is the cell.
 */
export function cellParts(text: string): CellParts {
  const m = HEAD.exec(text);
  const cut = m === null || m[0] === '' ? text.length : m[0].length;
  return { head: text.slice(0, cut), tail: text.slice(cut) };
}

/** Characters before the decimal point of a head (all of them without one). */
export function headInt(head: string): number {
  const dot = head.indexOf('.');
  return dot < 0 ? head.length : dot;
}

/** The tail's separator and opening parenthesis, the rest, and the characters of its first number before the point. */
function tailBody(tail: string): { open: string; body: string; int: number } {
  const open = /^[ ,/]*\(?/.exec(tail)?.[0] ?? '';
  const body = tail.slice(open.length);
  const end = body.search(/[., )]/);
  return { open, body, int: end < 0 ? body.length : end };
}

/** The tail with its first number padded to `tailInt` characters before the point. */
export function padTail(tail: string, tailInt: number): string {
  if (tail === '') return '';
  const t = tailBody(tail);
  return t.open + ' '.repeat(Math.max(0, tailInt - t.int)) + t.body;
}

/** What aligning a cell's text needs, worked out once per distinct text of a column. */
interface CellLayout {
  readonly head: string;
  readonly tail: string;
  /** Characters of the head before its decimal point (headInt). */
  readonly headInt: number;
  /** tailShape of the tail ('' for none). */
  readonly shape: string;
  /** tailBody of the tail: separator and parenthesis, the rest, its first number's characters before the point. */
  readonly open: string;
  readonly body: string;
  readonly tailInt: number;
}

function cellLayout(text: string): CellLayout {
  const { head, tail } = cellParts(text);
  if (tail === '') return { head, tail, headInt: headInt(head), shape: '', open: '', body: '', tailInt: 0 };
  const t = tailBody(tail);
  return { head, tail, headInt: headInt(head), shape: tailShape(tail), open: t.open, body: t.body, tailInt: t.int };
}

/** The cell's tail with its first number padded to the column's (padTail, from the layout). */
function paddedTail(c: CellLayout, tInts: Readonly<Record<string, number>>): string {
  return c.tail === '' ? '' : c.open + ' '.repeat(Math.max(0, (tInts[c.shape] ?? 0) - c.tailInt)) + c.body;
}

/** The cell aligned to the column's heads and tails, not yet padded to the column's width. */
function alignedText(c: CellLayout, hInt: number, tInts: Readonly<Record<string, number>>): string {
  return ' '.repeat(Math.max(0, hInt - c.headInt)) + c.head + paddedTail(c, tInts);
}

function aligned(text: string, hInt: number, tInts: Readonly<Record<string, number>>): string {
  return alignedText(cellLayout(text), hInt, tInts);
}

/** A value cell as the RTF sets it: its head before the decimal tab, the head's digits before the point, the padded tail. */
export interface AlignedParts {
  readonly head: string;
  readonly headInt: number;
  readonly tail: string;
}

/**
 * What the renderers draw of each text of a column (aligned and padded cells, the RTF's parts), by the
 * column's alignment: every renderer draws the same cells, and a column repeats its texts (`0`,
 * `0 (0.0)`), so each distinct text is worked out once. columnAlign fills them for the texts it measured.
 */
interface ColumnCells {
  readonly padded: Map<string, string>;
  readonly parts: Map<string, AlignedParts>;
}

const columnCells = new WeakMap<ColumnAlign, ColumnCells>();

function cellsOf(a: ColumnAlign): ColumnCells {
  let cells = columnCells.get(a);
  if (cells === undefined) columnCells.set(a, (cells = { padded: new Map(), parts: new Map() }));
  return cells;
}

/** The padded tail of a cell of the column (what follows the head). */
export function alignedTail(tail: string, a: ColumnAlign): string {
  return padTail(tail, a.tailInts[tailShape(tail)] ?? 0);
}

/** The alignment of a column from its non-empty cells. */
export function columnAlign(cells: readonly string[]): ColumnAlign {
  // Each distinct text once (a column repeats `0`, `0 (0.0)` and the like), its parts found once.
  // Indexed loops over arrays, not for…of over the map: this runs for every value column of every table,
  // and V8 optimizes it whole; iterator loops (a try/finally each) made it one of the run's costliest compiles.
  const seen = new Set<string>();
  const texts: string[] = [];
  const layouts: CellLayout[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (cell === '' || seen.has(cell)) continue;
    seen.add(cell);
    texts.push(cell);
    layouts.push(cellLayout(cell));
  }
  let hInt = 0;
  const tInts: Record<string, number> = {};
  for (let i = 0; i < layouts.length; i++) {
    const c = layouts[i] as CellLayout;
    hInt = Math.max(hInt, c.headInt);
    if (c.tail !== '') tInts[c.shape] = Math.max(tInts[c.shape] ?? 0, c.tailInt);
  }
  const aligned: string[] = [];
  let width = 0;
  for (let i = 0; i < layouts.length; i++) {
    const s = alignedText(layouts[i] as CellLayout, hInt, tInts);
    aligned.push(s);
    width = Math.max(width, s.length);
  }
  const a: ColumnAlign = { headInt: hInt, tailInts: tInts, width };
  // The renderers' cells of these texts, made here while their layouts are at hand.
  const { padded, parts } = cellsOf(a);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    const c = layouts[i] as CellLayout;
    const s = aligned[i] as string;
    padded.set(text, s + ' '.repeat(width - s.length));
    parts.set(text, { head: c.head, headInt: c.headInt, tail: paddedTail(c, tInts) });
  }
  return a;
}

/** Width in characters of every aligned cell of the column. */
export function alignedWidth(a: ColumnAlign): number {
  return a.width;
}

/** The cell padded with spaces to the column's shape (`alignedWidth` characters); empty stays empty. */
export function alignCell(text: string, a: ColumnAlign): string {
  if (text === '') return '';
  const { padded } = cellsOf(a);
  let cell = padded.get(text);
  if (cell === undefined) {
    const s = aligned(text, a.headInt, a.tailInts);
    padded.set(text, (cell = s + ' '.repeat(Math.max(0, a.width - s.length))));
  }
  return cell;
}

/** A non-empty cell's head, the head's digits before its point, and its tail padded to the column's (RTF). */
export function alignedParts(text: string, a: ColumnAlign): AlignedParts {
  const { parts } = cellsOf(a);
  let p = parts.get(text);
  if (p === undefined) {
    const c = cellLayout(text);
    parts.set(text, (p = { head: c.head, headInt: c.headInt, tail: paddedTail(c, a.tailInts) }));
  }
  return p;
}

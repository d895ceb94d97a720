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
    const c = t.charCodeAt(i);
    const start = c === 45 && isDigit(t.charCodeAt(i + 1)) ? i + 1 : i; // a minus sign belongs to its number
    if (isDigit(t.charCodeAt(start))) {
      let j = start;
      while (isDigit(t.charCodeAt(j))) j++;
      // The decimals after a point, if any (a point with none after it stays as it is).
      let k = j;
      if (t.charCodeAt(j) === 46) for (k = j + 1; isDigit(t.charCodeAt(k));) k++;
      if (k > j + 1) {
        out += `#.${'d'.repeat(k - j - 1)}`;
        i = k;
      } else {
        out += '#';
        i = j;
      }
    } else if (c === 78 && t.charCodeAt(i + 1) === 69) {
      out += '#';
      i += 2;
    } else {
      out += t[i];
      i++;
    }
  }
  return out;
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

function aligned(text: string, hInt: number, tInts: Readonly<Record<string, number>>): string {
  const { head, tail } = cellParts(text);
  const h = ' '.repeat(Math.max(0, hInt - headInt(head))) + head;
  return h + padTail(tail, tInts[tailShape(tail)] ?? 0);
}

const alignedTails = new WeakMap<ColumnAlign, Map<string, string>>();

/** The padded tail of a cell of the column (what follows the head); each distinct tail padded once per column. */
export function alignedTail(tail: string, a: ColumnAlign): string {
  let tails = alignedTails.get(a);
  if (tails === undefined) alignedTails.set(a, (tails = new Map()));
  let padded = tails.get(tail);
  if (padded === undefined) tails.set(tail, (padded = padTail(tail, a.tailInts[tailShape(tail)] ?? 0)));
  return padded;
}

/** The alignment of a column from its non-empty cells. */
export function columnAlign(cells: readonly string[]): ColumnAlign {
  let hInt = 0;
  const tInts: Record<string, number> = {};
  // Maxima over the cells: each distinct text once (a column repeats `0`, `0 (0.0)` and the like).
  const distinct = [...new Set(cells)];
  for (const cell of distinct) {
    if (cell === '') continue;
    const { head, tail } = cellParts(cell);
    hInt = Math.max(hInt, headInt(head));
    if (tail !== '') {
      const shape = tailShape(tail);
      tInts[shape] = Math.max(tInts[shape] ?? 0, tailBody(tail).int);
    }
  }
  const width = distinct.reduce((w, c) => (c === '' ? w : Math.max(w, aligned(c, hInt, tInts).length)), 0);
  return { headInt: hInt, tailInts: tInts, width };
}

/** Width in characters of every aligned cell of the column. */
export function alignedWidth(a: ColumnAlign): number {
  return a.width;
}

/**
 * Aligned cells of each column alignment: every renderer (RTF, HTML, text) pads the same cells, and a
 * column repeats its texts (`0`, `0 (0.0)`), so each distinct text is padded once per column.
 */
const alignedCells = new WeakMap<ColumnAlign, Map<string, string>>();

/** The cell padded with spaces to the column's shape (`alignedWidth` characters); empty stays empty. */
export function alignCell(text: string, a: ColumnAlign): string {
  if (text === '') return '';
  let cells = alignedCells.get(a);
  if (cells === undefined) alignedCells.set(a, (cells = new Map()));
  let padded = cells.get(text);
  if (padded === undefined) {
    const s = aligned(text, a.headInt, a.tailInts);
    cells.set(text, (padded = s + ' '.repeat(Math.max(0, a.width - s.length))));
  }
  return padded;
}

/**
 * A text built as UTF-8 bytes in one growing buffer and taken out as strings, for the writers of large
 * files (dataset CSVs, ard.csv, Dataset-JSON). Building a file line by line from strings allocates a
 * string per field, per line and per piece, then encodes the piece to UTF-8 again to write it; the
 * datasets of a run hold ~0.75 million cells, so that was most of the writers' time and garbage. Here a
 * cell's characters are copied into the buffer once, in the loop that checks whether the cell needs
 * quoting or escaping (`appendPlainAscii`); a cell that does takes the exact string path of the format
 * (`append`).
 *
 * `take()` returns the bytes so far as one string (Latin-1 decoding while every byte is ASCII, which is
 * a plain copy; UTF-8 otherwise) and empties the buffer for the next piece.
 */

/**
 * Bytes after which a writer takes its piece. V8 puts a string of 128 KiB or more into its large-object
 * space, where making one costs ~50 times as much (measured on node 20: 30 ms against 0.5 ms for 5 MB
 * of 128 KiB against 64 KiB strings); pieces of about 64 KiB stay below that.
 */
export const PIECE_BYTES = 1 << 16;

/** Records (CSV lines, Dataset-JSON rows) after which a writer takes its piece, if PIECE_BYTES did not come first. */
export const RECORDS_PER_PIECE = 1000;

/** Where `appendPlainAscii` stops: 1 for the ASCII characters a format must treat specially. */
export type SpecialAscii = Uint8Array;

/** A table of 128 entries, 1 for each of `codes` (ASCII character codes). */
export function specialAscii(codes: readonly number[]): SpecialAscii {
  const table = new Uint8Array(128);
  for (const c of codes) table[c] = 1;
  return table;
}

export class TextBytes {
  private buffer: Buffer;
  private used = 0;
  /** Some byte ≥ 0x80 was appended since the last `take` (so the text is decoded as UTF-8). */
  private nonAscii = false;
  /** Records ended (`endRecord`) since the last `take`. */
  private records = 0;

  constructor(initialBytes = 2 * PIECE_BYTES) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes appended since the last `take`. */
  get byteLength(): number {
    return this.used;
  }

  /** One ASCII character (code < 0x80). */
  appendCode(code: number): void {
    if (this.used === this.buffer.length) this.grow(1);
    this.buffer[this.used++] = code;
  }

  /**
   * Any text, as UTF-8 (a lone surrogate becomes U+FFFD, as Buffer.from(text, 'utf8') makes it). Each call
   * is encoded on its own, so halves of a surrogate pair in two calls are two U+FFFD.
   */
  append(text: string): void {
    if (this.appendPlainAscii(text, NO_SPECIALS)) return;
    const most = text.length * 3; // UTF-8 bytes of one UTF-16 code unit: at most 3
    if (this.used + most > this.buffer.length) this.grow(most);
    const written = this.buffer.write(text, this.used, 'utf8');
    this.used += written;
    this.nonAscii = true;
  }

  /**
   * A finite number as String prints it (so −0 as 0). A 32-bit integer (counts, codes, days: most numbers
   * of a dataset) is written digit by digit in integer arithmetic, without making its string; any other
   * number's text is remembered a while (numberText).
   */
  appendNumber(x: number): void {
    if ((x | 0) !== x) {
      this.append(numberText(x));
      return;
    }
    let v = x;
    if (v < 0) {
      this.appendCode(0x2d);
      v = -v;
    }
    let digits = 1;
    for (let p = 10; p <= v; p *= 10) digits++;
    if (this.used + digits > this.buffer.length) this.grow(digits);
    const out = this.buffer;
    for (let k = this.used + digits - 1; k >= this.used; k--) {
      const q = (v / 10) | 0;
      out[k] = 0x30 + v - q * 10;
      v = q;
    }
    this.used += digits;
  }

  /**
   * Appends `text` if every character is ASCII and not marked in `special`, and returns true; otherwise
   * appends nothing and returns false (the caller then writes the text its own way, with `append`).
   */
  appendPlainAscii(text: string, special: SpecialAscii): boolean {
    const n = text.length;
    if (this.used + n > this.buffer.length) this.grow(n);
    const out = this.buffer;
    const at = this.used;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80 || special[c] === 1) return false;
      out[at + k] = c;
    }
    this.used = at + n;
    return true;
  }

  /** The text appended since the last `take`, as a string; the buffer is then empty. */
  take(): string {
    const text = this.buffer.toString(this.nonAscii ? 'utf8' : 'latin1', 0, this.used);
    this.used = 0;
    this.nonAscii = false;
    this.records = 0;
    return text;
  }

  /**
   * Ends a record: the writers' piece rule in one place. Gives the text so far (`take`) once it holds
   * RECORDS_PER_PIECE records or PIECE_BYTES bytes, else undefined.
   */
  endRecord(): string | undefined {
    return ++this.records === RECORDS_PER_PIECE || this.used >= PIECE_BYTES ? this.take() : undefined;
  }

  /** The records ended since the last piece, as the last piece; undefined when there are none. */
  lastPiece(): string | undefined {
    return this.records > 0 ? this.take() : undefined;
  }

  private grow(more: number): void {
    const next = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.used + more));
    this.buffer.copy(next, 0, 0, this.used);
    this.buffer = next;
  }
}

const NO_SPECIALS = specialAscii([]);

/**
 * `String(x)`, remembered for recent numbers in a table of NUMBER_SLOTS slots chosen by the number's
 * bits (a newer number takes its slot). Printing a non-integer (the shortest text that reads back as
 * the same double) is the dearest part of writing a number, and a run prints the same ones again and
 * again: each dataset's numbers twice (its CSV, then its Dataset-JSON), a baseline on each of a
 * subject's visits (46,000 non-integer cells of 6,000 values in the 81-subject sample's datasets).
 */
export function numberText(x: number): string {
  NUMBER_BITS[0] = x;
  const slot = Math.imul((NUMBER_WORDS[0] as number) ^ (NUMBER_WORDS[1] as number), 0x9e3779b1) >>> (32 - SLOT_BITS);
  const text = numberTexts[slot] as string;
  // `===` tells apart every two numbers with different texts (−0 and 0 have the same; NaN never matches).
  if (numberKeys[slot] === x && text !== '') return text;
  const made = String(x);
  numberKeys[slot] = x;
  numberTexts[slot] = made;
  return made;
}

const SLOT_BITS = 14;
const NUMBER_SLOTS = 1 << SLOT_BITS;
const numberKeys = new Float64Array(NUMBER_SLOTS);
/** '' for a slot not used yet (String never gives it). */
const numberTexts: string[] = new Array<string>(NUMBER_SLOTS).fill('');
const NUMBER_BITS = new Float64Array(1);
const NUMBER_WORDS = new Uint32Array(NUMBER_BITS.buffer);

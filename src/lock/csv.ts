/**
 * RFC 4180 CSV with the physical line where each record starts (header = line 1), as the diagnostics
 * contract needs (../shared/cli.md).
 *
 * csv-parse is the authority on quoting. It costs ~8 µs per record with `info: true`, i.e. 8 s for a
 * lock of 1M QS rows, and its `info.lines` does not count line breaks inside quoted fields. So records
 * are first delimited by line: a line without any `"` is, under RFC 4180, exactly its fields split on
 * `,`; a line with quotes is joined with the following lines until its quotes balance and that record
 * alone is handed to csv-parse (the original bytes, CRLF kept inside quoted fields; `visit` reads one
 * whose fields are each unquoted or quoted whole without a doubled quote from its bytes, what csv-parse
 * reads it as). Records start on the line they are delimited from, so line numbers are exact.
 *
 * A large file is read a chunk at a time (`parseCsvStream`): the records are delimited in a window of
 * the file's bytes, and a record that the window cuts (a line without its end, a quoted field still
 * open) is carried into the next window with the next chunk, so records, lines and issues are those of
 * the whole file read at once, while a 1.1 GB qs.csv never sits in memory whole.
 *
 * The file is read as UTF-8 bytes, not as a decoded string: `,` `"` CR LF are single bytes that never
 * occur inside a multi-byte character, so delimiting is the same, and a reader can look a field up
 * (`FieldDictionary`) without making a string of it. A 1.6M-row qs.csv has 25M fields, nearly all of
 * them a text seen before; making each a string cost more than reading the rest of the lock.
 *
 * Accepted: a UTF-8 byte-order mark, CRLF or LF line ends (mixed too: each is one line end), a final
 * line with or without a line end. Blank lines are skipped (they carry no record). A record whose number
 * of fields differs from the header's is an issue on its line and is dropped (csv-parse's
 * `relax_column_count: false`, without stopping at the first one).
 *
 * A CR not followed by LF outside a quoted field is bad input (lock.md): in the header it means the file
 * has CR-only line ends (Excel's "CSV (Macintosh)"), which read as one long header and no rows, so the
 * file is refused at line 1; in a data line it is an issue on that line and the record is dropped.
 */
import { Buffer } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { issue, type Issue } from '../core/issues.js';
import { giveBackReadingBuffer, READING_BYTES, takeReadingBuffer } from './reading-buffer.js';

export interface CsvRecord {
  readonly fields: readonly string[];
  /** Physical line where the record starts (header = 1). */
  readonly line: number;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly headerLine: number;
  /**
   * The data records, parsed lazily so that a large file never exists twice in memory (as text and as
   * records): iterate once, this or `visit`. Defects found on the way (field count, quoting) are
   * appended to the `issues` given to `parseCsv`, and their records skipped.
   */
  readonly records: Iterable<CsvRecord>;
  /**
   * The same records, each handed to `each` in turn as a view of its bytes (`CsvFields`) rather than
   * an array of new strings: what a reader of a large file uses. Instead of `records`, once.
   */
  readonly visit: (each: (record: CsvFields) => void) => void;
  /** At least the number of data records (line ends after the header, plus one): to size storage once. */
  readonly maxRecords: () => number;
}

/**
 * One data record seen in place, valid only during the call it is handed to (the next record reuses
 * it). Fields are numbered as in the header; `count` equals the header's width.
 */
export interface CsvFields {
  /** Physical line where the record starts (header = 1). */
  readonly line: number;
  readonly count: number;
  /** Field i's text (a new string). */
  field(i: number): string;
  isEmpty(i: number): boolean;
}

/** Records per csv-parse call: one call per quoted record would cost ~12 µs each, a batch ~7 µs. */
const BLOCK = 4096;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/**
 * Parses CSV text (already decoded); `file` names the file in issues. Null (with an issue) when the file
 * holds no header.
 */
export function parseCsv(text: string, file: string, issues: Issue[]): CsvTable | null {
  return parseCsvBytes(Buffer.from(text, 'utf8'), file, issues);
}

/** As `parseCsv`, from the file's bytes, which must be valid UTF-8 (the caller checks). */
export function parseCsvBytes(bytes: Uint8Array, file: string, issues: Issue[]): CsvTable | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = new Delimiter(buf, hasBomAt(buf, 0) ? 3 : 0, null);
  return parseRecords(raw, file, issues, (headerEnd) => countLineEnds(buf, headerEnd) + 1);
}

/**
 * Reads the file's next bytes into `into` from `offset` on (at most to its end); returns how many, 0 at
 * the end of the file.
 */
export type ReadMore = (into: Buffer, offset: number) => number;

export interface CsvStreamOptions {
  /** LF bytes in the whole file (sizes the tables once: `CsvTable.maxRecords`). */
  readonly lineEnds: number;
  /** Leading byte-order marks skipped (a reader that decoded the file would have dropped one more). */
  readonly byteOrderMarks: number;
  /** Bytes read at a time (tests use a few, to cut records everywhere). */
  readonly chunkBytes?: number;
}

/**
 * As `parseCsvBytes`, reading the bytes a chunk at a time through `readMore`; they must be valid UTF-8
 * (the caller checks each chunk as it reads it). `visit` or `records` reads the file to its end.
 */
export function parseCsvStream(
  readMore: ReadMore,
  file: string,
  issues: Issue[],
  opts: CsvStreamOptions,
): CsvTable | null {
  const raw = new Delimiter(Buffer.alloc(0), 0, readMore, opts.chunkBytes ?? CHUNK_BYTES);
  raw.skipByteOrderMarks(opts.byteOrderMarks);
  return parseRecords(raw, file, issues, () => opts.lineEnds + 1);
}

/**
 * Bytes read at a time: large enough that carrying a cut record is rare, small beside the file, and
 * small enough that the pages of the window's buffer (reused from chunk to chunk) cost little to map.
 */
const CHUNK_BYTES = READING_BYTES;

function hasBomAt(b: Uint8Array, at: number): boolean {
  return b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf;
}

/** The header, then the data records on demand. */
function parseRecords(
  raw: Delimiter,
  file: string,
  issues: Issue[],
  maxRecords: (headerEnd: number) => number,
): CsvTable | null {
  let header: readonly string[] | null = null;
  let headerLine = 0;
  while (header === null) {
    if (!raw.next()) {
      issues.push(issue('error', file, 'file is empty: no header row'));
      return null;
    }
    if (hasBareCr(raw.bytes, raw.start, raw.end)) {
      issues.push(issue('error', file, CR_ONLY_FILE, raw.line));
      return null;
    }
    const [fields] = resolveFields([raw.record()], raw.bytes, file, issues);
    if (fields != null) {
      header = fields;
      headerLine = raw.line;
    }
  }
  const width = header.length;
  const headerEnd = raw.end;
  return {
    header,
    headerLine,
    records: dataRecords(raw, width, file, issues),
    visit: (each) => visitRecords(raw, width, file, issues, each),
    maxRecords: () => maxRecords(headerEnd),
  };
}

const CR_ONLY_FILE =
  'line ends are CR only (old Mac / Excel "CSV (Macintosh)"): the file would read as one header and no rows; save it with CRLF or LF line ends';
const BARE_CR =
  'a CR not followed by LF outside a quoted field: a line must end in CRLF or LF (CR-only line ends are not read)';

/** Moves to the next record, reporting and skipping the unquoted ones that hold a bare CR. */
function nextRecord(raw: Delimiter, file: string, issues: Issue[]): boolean {
  for (;;) {
    if (!raw.next()) return false;
    if (!raw.bareCr) return true;
    issues.push(issue('error', file, BARE_CR, raw.line));
  }
}

function* dataRecords(raw: Delimiter, width: number, file: string, issues: Issue[]): Generator<CsvRecord> {
  let block: RawRecord[] = [];
  let ready: CsvRecord[] = [];
  // Before the window moves on, the records gathered in it are made strings.
  const resolve = () => {
    const fields = resolveFields(block, raw.bytes, file, issues);
    block.forEach((r, i) => {
      const f = fields[i];
      if (f != null && checkWidth(f.length, width, r.line, file, issues)) ready.push({ fields: f, line: r.line });
    });
    block = [];
  };
  raw.beforeRefill = resolve;
  for (;;) {
    const more = nextRecord(raw, file, issues);
    if (more) block.push(raw.record());
    if (block.length >= BLOCK || !more) resolve();
    if (ready.length > 0) {
      yield* ready;
      ready = [];
    }
    if (!more) return;
  }
}

/**
 * `dataRecords` as views, every record in place: an unquoted line is never split, and a quoted record
 * is read from its bytes too when it is plain RFC 4180 without doubled quotes (`setQuoted`); only a
 * record with doubled quotes or broken quoting is handed to csv-parse (which words the error). Before,
 * a quoted record started a block of up to 4,096 records for one csv-parse call: a 20,000-subject
 * qs.csv has a quoted record every ~150 lines, so nearly every record went through a block.
 */
function visitRecords(
  raw: Delimiter,
  width: number,
  file: string,
  issues: Issue[],
  each: (record: CsvFields) => void,
): void {
  const view = new FieldsView(raw.bytes, width);
  while (nextRecord(raw, file, issues)) {
    view.bytes = raw.bytes;
    if (!raw.quoted) view.setRange(raw.start, raw.end, raw.line);
    else if (!view.setQuoted(raw.start, raw.end, raw.line)) {
      const [fields] = resolveFields([raw.record()], raw.bytes, file, issues);
      if (fields == null) continue;
      view.setFields(fields, raw.line);
    }
    if (checkWidth(view.count, width, raw.line, file, issues)) each(view);
  }
}

function checkWidth(count: number, width: number, line: number, file: string, issues: Issue[]): boolean {
  if (count === width) return true;
  issues.push(issue('error', file, `row has ${count} fields, the header has ${width}`, line));
  return false;
}

/**
 * A record's fields: byte ranges of its line (a quoted field: the bytes between its quotes); csv-parse's
 * strings for a record `setQuoted` cannot read.
 */
class FieldsView implements CsvFields {
  line = 0;
  count = 0;
  /** Set for a record read by csv-parse. */
  fields: readonly string[] | null = null;
  /** Start of field i's text (i ≤ width). */
  readonly starts: Int32Array;
  /** End (exclusive) of field i's text. */
  readonly ends: Int32Array;

  constructor(
    /** The window of the file the record lies in. */
    public bytes: Buffer,
    private readonly width: number,
  ) {
    this.starts = new Int32Array(width + 1);
    this.ends = new Int32Array(width + 1);
  }

  setRange(start: number, end: number, line: number): void {
    this.fields = null;
    this.line = line;
    const { bytes, starts, ends } = this;
    const limit = this.width;
    let n = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== COMMA) continue;
      if (n <= limit) ends[n] = i;
      n++;
      if (n <= limit) starts[n] = i + 1;
    }
    if (n <= limit) ends[n] = end;
    this.count = n + 1;
  }

  /**
   * Reads a record holding quotes when each of its fields is either unquoted (no quote, CR or LF) or
   * quoted whole with no quote inside (`"a, b"`, line breaks kept): what csv-parse reads it as, the text
   * between the quotes. False, the view unset, for anything else (doubled quotes, broken quoting).
   */
  setQuoted(start: number, end: number, line: number): boolean {
    const { bytes, starts, ends } = this;
    const limit = this.width;
    let n = 0;
    let i = start;
    for (;;) {
      let s = i;
      if (i < end && bytes[i] === QUOTE) {
        s = ++i;
        while (i < end && bytes[i] !== QUOTE) i++;
        // Never closed, closed and followed by text, or a doubled quote: csv-parse's to read.
        if (i === end || (i + 1 < end && bytes[i + 1] !== COMMA)) return false;
      } else {
        for (; i < end; i++) {
          const b = bytes[i] as number;
          if (b === COMMA) break;
          if (b === QUOTE || b === CR || b === LF) return false;
        }
      }
      if (n <= limit) {
        starts[n] = s;
        ends[n] = i;
      }
      n++;
      // Past the closing quote of a quoted field, onto its comma.
      if (i < end && bytes[i] === QUOTE) i++;
      if (i >= end) break;
      i++;
    }
    this.fields = null;
    this.line = line;
    this.count = n;
    return true;
  }

  setFields(fields: readonly string[], line: number): void {
    this.fields = fields;
    this.line = line;
    this.count = fields.length;
  }

  field(i: number): string {
    if (this.fields !== null) return this.fields[i] as string;
    return this.bytes.toString('utf8', this.starts[i], this.ends[i]);
  }

  isEmpty(i: number): boolean {
    if (this.fields !== null) return this.fields[i] === '';
    return this.ends[i] === this.starts[i];
  }

  /** FNV-1a hash of field i's bytes (a field read from the bytes). */
  hashOf(i: number): number {
    const bytes = this.bytes;
    const end = this.ends[i] as number;
    let h = FNV_OFFSET;
    for (let p = this.starts[i] as number; p < end; p++) h = Math.imul(h ^ (bytes[p] as number), FNV_PRIME);
    return h;
  }

  /** Whether field i (read from the bytes) holds exactly the `length` bytes of `text` from `start` on. */
  equals(i: number, text: Uint8Array, start: number, length: number): boolean {
    const bytes = this.bytes;
    let p = this.starts[i] as number;
    if ((this.ends[i] as number) - p !== length) return false;
    for (let k = start, end = start + length; k < end; k++, p++) if (bytes[p] !== text[k]) return false;
    return true;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Values by the exact text of a field, looked up in place: for a record read from its bytes by those
 * bytes (open addressing, no string made), for one read by csv-parse by its string. While the texts
 * looked up repeat, the last one is tried first, before any hash is computed: most columns of a large
 * file repeat the row before (subject, visit, date, category), and hashing every byte of every field
 * cost more than comparing.
 *
 * The texts' bytes are kept one after another in one growing buffer (`text`), each slot holding where
 * its text starts and how long it is: a Uint8Array per text was an ArrayBuffer each (~13,000 for the
 * sample), slow to make (~1 µs) and each one tracked and swept by V8's young-generation collections.
 */
export class FieldDictionary<V> {
  /** Per slot: where its text starts in `text`. */
  private starts = new Int32Array(64);
  /** Per slot: its text's length in bytes, -1 for an empty slot. */
  private lengths = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(64);
  private values: (V | undefined)[] = new Array<V | undefined>(64);
  /** Every text set, one after another. */
  private text = new Uint8Array(1024);
  private textLength = 0;
  private size = 0;
  /** Slot of the text found or set last (-1: none). */
  private last = -1;
  /** Whether the last two texts looked up by hash were the same: then the next is tried against it first. */
  private repeating = false;
  private readonly byText = new Map<string, V>();

  get(rec: CsvFields, i: number): V | undefined {
    const view = rec as FieldsView;
    if (view.fields !== null) return this.byText.get(view.fields[i] as string);
    const last = this.last;
    if (this.repeating && this.holds(view, i, last)) return this.values[last];
    const slot = this.slotOf(view, i, view.hashOf(i));
    if (this.lengths[slot] === -1) {
      this.repeating = false;
      return undefined;
    }
    // A column that changes every row (a sequence number, a test code) is not compared twice a cell.
    this.repeating = slot === last;
    this.last = slot;
    return this.values[slot];
  }

  /** Records `value` for field i's text (which `get` did not find). */
  set(rec: CsvFields, i: number, value: V): void {
    const view = rec as FieldsView;
    if (view.fields !== null) {
      this.byText.set(view.fields[i] as string, value);
      return;
    }
    if (2 * (this.size + 1) > this.lengths.length) this.grow();
    const h = view.hashOf(i);
    const slot = this.slotOf(view, i, h);
    this.starts[slot] = this.keep(view, i);
    this.lengths[slot] = (view.ends[i] as number) - (view.starts[i] as number);
    this.hashes[slot] = h;
    this.values[slot] = value;
    this.size++;
    this.last = slot;
    this.repeating = false;
  }

  /** Whether `slot` holds field i's text. */
  private holds(view: FieldsView, i: number, slot: number): boolean {
    return view.equals(i, this.text, this.starts[slot] as number, this.lengths[slot] as number);
  }

  /**
   * Copies field i's bytes to the end of `text` (a copy: the record's window is reused for the next chunk
   * of the file, and a Buffer's subarray would keep the whole window alive); where they start.
   */
  private keep(view: FieldsView, i: number): number {
    const from = view.starts[i] as number;
    const length = (view.ends[i] as number) - from;
    const at = this.textLength;
    if (at + length > this.text.length) {
      const wider = new Uint8Array(Math.max(2 * this.text.length, at + length));
      wider.set(this.text.subarray(0, at));
      this.text = wider;
    }
    const text = this.text;
    const bytes = view.bytes;
    for (let k = 0; k < length; k++) text[at + k] = bytes[from + k] as number;
    this.textLength = at + length;
    return at;
  }

  /** The slot holding field i's text (hash `h`), or the empty slot where it goes. */
  private slotOf(view: FieldsView, i: number, h: number): number {
    const mask = this.lengths.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      if (this.lengths[slot] === -1 || (this.hashes[slot] === h && this.holds(view, i, slot))) return slot;
    }
  }

  private grow(): void {
    const { starts, lengths, hashes, values } = this;
    const capacity = 2 * lengths.length;
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
    this.values = new Array<V | undefined>(capacity);
    const mask = capacity - 1;
    for (let k = 0; k < lengths.length; k++) {
      if (lengths[k] === -1) continue;
      let slot = (hashes[k] as number) & mask;
      while (this.lengths[slot] !== -1) slot = (slot + 1) & mask;
      this.starts[slot] = starts[k] as number;
      this.lengths[slot] = lengths[k] as number;
      this.hashes[slot] = hashes[k] as number;
      this.values[slot] = values[k];
    }
    this.last = -1;
    this.repeating = false;
  }
}

/** Fields of each record (null for a quoting error, reported): unquoted by split, quoted by csv-parse. */
function resolveFields(block: readonly RawRecord[], bytes: Buffer, file: string, issues: Issue[]): (string[] | null)[];
/** As above, but leaves the unquoted records (undefined) to the caller. */
function resolveFields(
  block: readonly RawRecord[],
  bytes: Buffer,
  file: string,
  issues: Issue[],
  split: false,
): (string[] | null | undefined)[];
function resolveFields(
  block: readonly RawRecord[],
  bytes: Buffer,
  file: string,
  issues: Issue[],
  split = true,
): (string[] | null | undefined)[] {
  const quoted = block.filter((r) => r.quoted);
  const parsed =
    quoted.length === 0
      ? []
      : parseQuoted(
          quoted.map((r) => textOf(bytes, r)),
          quoted,
          file,
          issues,
        );
  let j = 0;
  return block.map((r) => (r.quoted ? (parsed[j++] ?? null) : split ? textOf(bytes, r).split(',') : undefined));
}

function textOf(bytes: Buffer, r: RawRecord): string {
  return bytes.toString('utf8', r.start, r.end);
}

const CSV_OPTIONS = { relax_column_count: true, record_delimiter: '\n', skip_empty_lines: false } as const;

/** One csv-parse call for the whole batch; only when it fails, one call per record to place the error. */
function parseQuoted(
  texts: readonly string[],
  records: readonly RawRecord[],
  file: string,
  issues: Issue[],
): (string[] | null)[] {
  try {
    const rows = parse(texts.join('\n'), CSV_OPTIONS) as string[][];
    if (rows.length === records.length) return rows;
  } catch {
    // fall through: find which record is malformed
  }
  return texts.map((text, i) => parseQuotedRecord(text, (records[i] as RawRecord).line, file, issues));
}

interface RawRecord {
  /** Byte range of the record, without its line end (a final CR dropped). */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly quoted: boolean;
}

/**
 * Walks the bytes record by record: line ends outside quoted fields end a record; blank lines are
 * skipped. The current record is in `start`, `end`, `line`, `quoted` (no object per record), positions
 * in `bytes`, the window of the file read so far that holds it: the whole file, or (with `readMore`) the
 * part from the current record on, extended a chunk at a time.
 */
class Delimiter {
  start = 0;
  end = 0;
  line = 0;
  quoted = false;
  /** An unquoted record holding a CR not followed by LF. */
  bareCr = false;
  /** Called before the window moves on: positions in it become stale then. */
  beforeRefill: (() => void) | null = null;
  private nextLine = 1;
  /** Position of the first `"` at or after the last search (length when none): each quote is found once. */
  private quote = -1;
  /** The same for CR. */
  private cr = -1;
  /** No more bytes to read: the window ends where the file ends. */
  private eof: boolean;
  /** The buffer the window (`bytes`) lies in when read a chunk at a time, from its start. */
  private buffer: Buffer | null = null;

  constructor(
    public bytes: Buffer,
    private pos: number,
    private readonly readMore: ReadMore | null,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    this.eof = readMore === null;
  }

  /** Skips up to `n` leading byte-order marks (before the first record). */
  skipByteOrderMarks(n: number): void {
    for (let k = 0; k < n; k++) {
      while (this.bytes.length - this.pos < 3 && !this.eof) this.refill(this.pos);
      if (!hasBomAt(this.bytes, this.pos)) return;
      this.pos += 3;
    }
  }

  /** Moves to the next record; false at the end of the bytes. */
  next(): boolean {
    for (;;) {
      const b = this.bytes;
      const len = b.length;
      if (this.pos >= len) {
        if (this.eof) return this.finished();
        this.refill(len);
        continue;
      }
      const start = this.pos;
      const startLine = this.nextLine;
      let nl = b.indexOf(LF, start);
      if (nl === -1 && !this.eof) {
        this.refill(start);
        continue;
      }
      let end = nl === -1 ? len : nl;
      if (this.quote < start) {
        const q = b.indexOf(QUOTE, start);
        this.quote = q === -1 ? len : q;
      }
      if (this.quote >= end) {
        this.pos = end + 1;
        this.nextLine++;
        const stripped = withoutCr(b, start, end);
        if (stripped === start) continue;
        if (this.cr < start) {
          const c = b.indexOf(CR, start);
          this.cr = c === -1 ? len : c;
        }
        this.set(start, stripped, startLine, false);
        this.bareCr = this.cr < stripped;
        return true;
      }
      // A quote that does not open a field cannot start a multi-line field: keep the line alone and let
      // csv-parse word the error, rather than swallowing the lines that follow.
      const first = this.quote;
      let quotes = first === start || b[first - 1] === COMMA ? countQuotes(b, start, withoutCr(b, start, end)) : 0;
      while (quotes % 2 === 1 && nl !== -1) {
        this.pos = nl + 1;
        this.nextLine++;
        nl = b.indexOf(LF, this.pos);
        if (nl === -1 && !this.eof) break;
        end = nl === -1 ? len : nl;
        quotes += countQuotes(b, this.pos, end);
      }
      if (nl === -1 && !this.eof) {
        // A quoted field the window cuts: the record again, from its start, in a longer window.
        this.pos = start;
        this.nextLine = startLine;
        this.refill(start);
        continue;
      }
      this.pos = end + 1;
      this.nextLine++;
      return this.set(start, withoutCr(b, start, end), startLine, true);
    }
  }

  record(): RawRecord {
    return { start: this.start, end: this.end, line: this.line, quoted: this.quoted };
  }

  /**
   * A new window: the bytes from `keepFrom` on, then the file's next bytes, up to a chunk in all or twice
   * what is kept (so that a record longer than a chunk is rescanned a logarithmic number of times). The
   * window lies in the reading buffer (reading-buffer.ts), taken at the first refill, reused while it is
   * large enough (positions in the old window are stale after a refill anyway) and given back at the end
   * of the file: a new buffer per file, or per chunk, is fresh memory that the system maps page by page
   * (a new 8 MB buffer per chunk mapped ~1.4 GB for a 20,000-subject lock, and V8 collected each).
   */
  private refill(keepFrom: number): void {
    this.beforeRefill?.();
    const kept = this.bytes.length - keepFrom;
    const size = Math.max(this.chunkBytes, 2 * kept);
    let next = this.buffer;
    if (next !== null && next.length >= size) next.copyWithin(0, keepFrom, keepFrom + kept);
    else {
      next = takeReadingBuffer(size);
      this.bytes.copy(next, 0, keepFrom);
      if (this.buffer !== null) giveBackReadingBuffer(this.buffer);
      this.buffer = next;
    }
    let filled = kept;
    while (filled < size) {
      const n = (this.readMore as ReadMore)(next, filled);
      if (n === 0) {
        this.eof = true;
        break;
      }
      filled += n;
    }
    this.bytes = next.subarray(0, filled);
    this.pos -= keepFrom;
    this.quote = -1;
    this.cr = -1;
  }

  /**
   * At the end of the bytes: the reading buffer is given back for the next file (the last record's
   * positions stay readable until then: nothing runs between, and a reader that takes the buffer while
   * this one still holds it gets its own).
   */
  private finished(): false {
    if (this.buffer !== null) giveBackReadingBuffer(this.buffer);
    this.buffer = null;
    return false;
  }

  private set(start: number, end: number, line: number, quoted: boolean): true {
    this.bareCr = false;
    this.start = start;
    this.end = end;
    this.line = line;
    this.quoted = quoted;
    return true;
  }
}

/** The end of a line without the CR of its CRLF (a CR at the very end of the file ends no line). */
function withoutCr(b: Buffer, start: number, end: number): number {
  return end > start && end < b.length && b[end - 1] === CR ? end - 1 : end;
}

/** Whether bytes [start, end) hold a CR that is not followed by LF. */
function hasBareCr(b: Buffer, start: number, end: number): boolean {
  for (let i = b.indexOf(CR, start); i !== -1 && i < end; i = b.indexOf(CR, i + 1)) {
    if (b[i + 1] !== LF) return true;
  }
  return false;
}

/** LF bytes from `start` on (memchr per line: ~30 ms for a 1M-line file). */
function countLineEnds(b: Buffer, start: number): number {
  let n = 0;
  for (let i = b.indexOf(LF, start); i !== -1; i = b.indexOf(LF, i + 1)) n++;
  return n;
}

function countQuotes(b: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (b[i] === QUOTE) n++;
  return n;
}

function parseQuotedRecord(text: string, line: number, file: string, issues: Issue[]): string[] | null {
  try {
    const rows = parse(text, CSV_OPTIONS) as string[][];
    const first = rows[0];
    if (rows.length === 1 && first !== undefined) return first;
    issues.push(issue('error', file, 'malformed quoting: a quoted field does not end where the record ends', line));
  } catch (e) {
    issues.push(issue('error', file, `malformed quoting: ${quotingMessage(e)}`, line));
  }
  return null;
}

const QUOTING_RULES: Readonly<Record<string, string>> = {
  INVALID_OPENING_QUOTE: 'a quote inside a field that is not quoted (quote the whole field and double the quote)',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a quoted field',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
};

/** csv-parse's error in a data manager's words (its own message carries a record-relative line). */
function quotingMessage(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return QUOTING_RULES[code] ?? (e instanceof Error ? e.message.replace(/\s*(?:at|on) line \d+.*$/s, '') : String(e));
}

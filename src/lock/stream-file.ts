/**
 * A lock file read as a CSV a chunk at a time (csv.ts `parseCsvStream`), with what reading it whole
 * gave: its SHA-256 (of exactly the bytes parsed) and whether it is valid UTF-8. A 20,000-subject
 * qs.csv is 1.1 GB; read whole, it alone held half of the 2 GB a run may take.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Issue } from '../core/issues.js';
import { parseCsvStream, type CsvTable } from './csv.js';
import type { InputFile } from './read-file.js';
import { giveBackReadingBuffer, READING_BYTES, takeReadingBuffer } from './reading-buffer.js';

export interface StreamedCsv {
  /** Null (with an issue) when the file holds no header. Read it (`visit` or `records`) before `finish`. */
  readonly table: CsvTable | null;
  /** Reads what parsing left unread; the file's SHA-256 and whether every byte was valid UTF-8. */
  finish(): { readonly sha256: string; readonly utf8: boolean };
}

/**
 * `input` parsed as CSV (`byteOrderMarks` leading marks skipped), hashed and checked as it is read.
 * Parsing stops at the first chunk that is not valid UTF-8 (the caller then drops its issues: the
 * encoding is the file's one problem), and `finish` hashes the rest.
 */
export function streamCsvFile(
  input: InputFile,
  file: string,
  issues: Issue[],
  byteOrderMarks: number,
  chunkBytes?: number,
): StreamedCsv {
  const hash = createHash('sha256');
  const utf8 = new Utf8Check();
  let position = 0;
  const readMore = (into: Buffer, offset: number): number => {
    if (!utf8.valid) return 0;
    const n = input.read(into, offset, into.length - offset, position);
    position += n;
    const bytes = into.subarray(offset, offset + n);
    hash.update(bytes);
    utf8.add(bytes);
    return n;
  };
  const lineEnds = countFileLineEnds(input);
  const table = parseCsvStream(readMore, file, issues, {
    lineEnds,
    byteOrderMarks,
    ...(chunkBytes === undefined ? {} : { chunkBytes }),
  });
  return {
    table,
    finish: () => {
      const rest = takeReadingBuffer(READING_BYTES);
      for (let n = input.read(rest, 0, rest.length, position); n > 0; n = input.read(rest, 0, rest.length, position)) {
        position += n;
        hash.update(rest.subarray(0, n));
        utf8.add(rest.subarray(0, n));
      }
      giveBackReadingBuffer(rest);
      return { sha256: hash.digest('hex'), utf8: utf8.end() };
    },
  };
}

/** LF bytes in the whole file (memchr per line), read in chunks of the reading buffer. */
export function countFileLineEnds(input: InputFile): number {
  const buf = takeReadingBuffer(READING_BYTES);
  let count = 0;
  let position = 0;
  for (let n = input.read(buf, 0, buf.length, 0); n > 0; n = input.read(buf, 0, buf.length, position)) {
    position += n;
    for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) count++;
  }
  giveBackReadingBuffer(buf);
  return count;
}

/**
 * UTF-8 validity of bytes that arrive in pieces: each piece is checked up to the start of its last
 * character, which may be cut; those few bytes are checked with the next piece.
 */
export class Utf8Check {
  valid = true;
  private carry: Buffer = Buffer.alloc(0);

  add(piece: Buffer): void {
    if (!this.valid || piece.length === 0) return;
    const bytes = this.carry.length === 0 ? piece : Buffer.concat([this.carry, piece]);
    const cut = lastCharacterStart(bytes);
    this.valid = isUtf8(bytes.subarray(0, cut));
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  /** Whether everything added was valid UTF-8 (a character cut at the very end is not). */
  end(): boolean {
    if (this.valid && this.carry.length > 0) this.valid = isUtf8(this.carry);
    this.carry = Buffer.alloc(0);
    return this.valid;
  }
}

/**
 * Where the last character of `b` starts when it may continue past the end: the position of its lead
 * byte when one of the last four bytes is a lead byte followed only by continuation bytes, else the end.
 */
function lastCharacterStart(b: Buffer): number {
  let p = b.length;
  let continuations = 0;
  while (continuations < 3 && p > 0 && ((b[p - 1] as number) & 0xc0) === 0x80) {
    p--;
    continuations++;
  }
  return p > 0 && (b[p - 1] as number) >= 0xc0 ? p - 1 : b.length;
}

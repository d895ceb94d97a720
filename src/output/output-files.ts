/**
 * What a run hands to its output: files by relative path, each a text, bytes, or a text in pieces.
 * Pieces let a file larger than any one string be written (V8 strings end at 2^29 − 24 characters; the
 * largest listing of a 20,000-subject lock is ~1.3 GB of RTF) and let the writer hold one page at a time.
 *
 * Two sinks take them: `memoryOutput` (a Map of whole files, for tests and the library) and the staged
 * output folder of write-output.ts, which writes each file into the temporary folder the moment it is
 * made and keeps only its size and SHA-256 (a run of 2,000 subjects writes ~0.8 GB).
 */
import { createHash } from 'node:crypto';

/** A file's content: a whole text (UTF-8), bytes, or pieces of either, in order. */
export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** Where a run puts its output files. A later `set` of the same path replaces the earlier file. */
export interface OutputSink {
  set(path: string, content: OutputContent): unknown;
}

/** What the manifest records of a file: its size in bytes and lower-case SHA-256. */
export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/** Characters per piece when a long text is written: bounds the UTF-8 buffer made for it. */
const TEXT_SLICE = 1 << 20;

/**
 * The content as UTF-8/byte pieces of bounded size, in order. A long text is cut into slices that
 * never split a surrogate pair (its UTF-8 would otherwise differ from the whole text's).
 */
export function* contentBytes(content: OutputContent): Generator<Uint8Array> {
  const pieces: Iterable<string | Uint8Array> =
    typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  for (const piece of pieces) {
    if (piece instanceof Uint8Array) {
      yield piece;
      continue;
    }
    for (let start = 0; start < piece.length;) {
      let end = Math.min(start + TEXT_SLICE, piece.length);
      const last = piece.charCodeAt(end - 1);
      if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      yield Buffer.from(piece.slice(start, end), 'utf8');
      start = end;
    }
  }
}

/** The content as one text or one byte array (pieces joined), for an in-memory file. */
export function wholeContent(content: OutputContent): string | Uint8Array {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  const pieces = [...content];
  if (pieces.every((p): p is string => typeof p === 'string')) return pieces.join('');
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

export function digestOf(content: OutputContent): FileDigest {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const piece of contentBytes(content)) {
    hash.update(piece);
    bytes += piece.byteLength;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A sink that keeps every file whole in a Map (pieces joined). */
export function memoryOutput(): OutputSink & { readonly files: Map<string, string | Uint8Array> } {
  const files = new Map<string, string | Uint8Array>();
  return { files, set: (path, content) => files.set(path, wholeContent(content)) };
}

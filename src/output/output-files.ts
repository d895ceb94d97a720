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

/**
 * A file's content: a whole text (UTF-8), bytes, or pieces of either, in order. A byte piece is valid
 * until the next piece is asked for (a writer may reuse one buffer for all its pieces: writeXptPieces).
 */
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

/** Bytes of the buffer text is encoded into: the size of the chunks a file is written and hashed in. */
const CHUNK_BYTES = 1 << 20;

/** The chunk buffer of the last file, reused by the next (a second file read at the same time makes its own). */
let spareBuffer: Buffer | undefined;
const encoder = new TextEncoder();

/**
 * The content's UTF-8 bytes in chunks, in order, for a consumer that uses each chunk before asking for
 * the next (writing and hashing a file). Text is encoded into one buffer of CHUNK_BYTES, reused from file
 * to file, and handed out when full: a chunk is a view of it, valid only until the next chunk is asked
 * for. Small pieces (a listing's pages, a dataset's 64 KiB pieces) are so gathered into few large writes,
 * and no Buffer is allocated per piece. A code point is never split between chunks (its UTF-8 would
 * otherwise be two U+FFFD), and a lone surrogate becomes U+FFFD, as in Buffer.from(text, 'utf8'). A
 * byte piece that fits is copied into the buffer; a larger one is passed as it is.
 */
export function* contentChunks(content: OutputContent): Generator<Uint8Array> {
  const buffer = spareBuffer ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
  spareBuffer = undefined;
  let used = 0;
  try {
    for (const piece of piecesOf(content)) {
      if (piece instanceof Uint8Array) {
        if (piece.byteLength > buffer.length - used && used > 0) {
          yield buffer.subarray(0, used);
          used = 0;
        }
        if (piece.byteLength > buffer.length) yield piece;
        else {
          buffer.set(piece, used);
          used += piece.byteLength;
        }
        continue;
      }
      for (let start = 0; start < piece.length;) {
        const { read, written } = encoder.encodeInto(start === 0 ? piece : piece.slice(start), buffer.subarray(used));
        used += written;
        start += read;
        if (start < piece.length) {
          yield buffer.subarray(0, used); // full (or too full for the next code point)
          used = 0;
        }
      }
    }
    if (used > 0) yield buffer.subarray(0, used);
  } finally {
    spareBuffer = buffer;
  }
}

function piecesOf(content: OutputContent): Iterable<string | Uint8Array> {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
}

/** The content as one text or one byte array (pieces joined), for an in-memory file. */
export function wholeContent(content: OutputContent): string | Uint8Array {
  if (typeof content === 'string' || content instanceof Uint8Array) return content;
  // Byte pieces copied as they come: a piece is valid only until the next is asked for.
  const pieces = Array.from(content, (p) => (typeof p === 'string' ? p : Buffer.from(p)));
  if (pieces.every((p): p is string => typeof p === 'string')) return pieces.join('');
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

export function digestOf(content: OutputContent): FileDigest {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const chunk of contentChunks(content)) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A sink that keeps every file whole in a Map (pieces joined). */
export function memoryOutput(): OutputSink & { readonly files: Map<string, string | Uint8Array> } {
  const files = new Map<string, string | Uint8Array>();
  return { files, set: (path, content) => files.set(path, wholeContent(content)) };
}

/**
 * One buffer that reading the input files passes around: the line count, the CSV window and the hash of
 * a file's rest (stream-file.ts, csv.ts) each take it while they read and give it back when done, so the
 * whole lock is read through the same memory. Fresh memory is what costs here: the system maps a new
 * buffer's pages as they are first written, ~4–19 ms a megabyte on this project's host against ~0.2 ms
 * to read a megabyte into pages already mapped, and a 1 MB window per file (and a second one for qs.csv
 * once a record was carried over) had the sample's read map ~3 MB of fresh pages.
 */
import { Buffer } from 'node:buffer';

/** The size the buffer is made at least: a chunk of the file (csv.ts, stream-file.ts). */
export const READING_BYTES = 1 << 20;

let spare: Buffer | null = null;

/**
 * A buffer of at least `bytes`: the spare one when it is free and large enough, else a new one (a
 * reader that takes it while another holds it gets its own, so two files may be read at once).
 */
export function takeReadingBuffer(bytes: number): Buffer {
  const b = spare;
  if (b !== null && b.length >= bytes) {
    spare = null;
    return b;
  }
  return Buffer.allocUnsafe(Math.max(bytes, READING_BYTES));
}

/** Gives a buffer back once nothing reads it any more; the larger of two is kept. */
export function giveBackReadingBuffer(b: Buffer): void {
  if (spare === null || b.length > spare.length) spare = b;
}

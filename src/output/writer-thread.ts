/**
 * The staged output's files written and hashed on a thread of their own (write-output.ts `stageOutput`):
 * the thread that makes a file copies its bytes, a chunk of up to 1 MiB at a time, into a ring of shared
 * buffers, and the writer thread writes each chunk to the file and feeds it to the file's SHA-256. For
 * the sample the writes, hashes, opens and closes are ~35–80 ms of the main thread's time (more when the
 * disk is busy: an open or a close can wait for the file system's journal), which then overlap the
 * making of the next file. The bytes and digests are those of the synchronous writer (writeFileNow).
 *
 * The ring holds at most RING_SLOTS chunks (4 MiB): a maker that is ahead waits (Atomics.wait), so memory
 * stays bounded however large the output. A write that fails (no space, a path that is a folder) is
 * recorded with its message; the maker's next `write` or `settle` throws it, naming the file, and the
 * thread writes nothing more. The thread is a few lines of CommonJS started from source (`eval`), so it
 * needs no file of its own in dist/ and runs the same from the TypeScript sources (the tests).
 */
import { Worker } from 'node:worker_threads';
import type { FileDigest } from './output-files.js';

/** Bytes a slot holds: contentChunks' chunk size. */
const SLOT_BYTES = 1 << 20;
const RING_SLOTS = 4;
/** Files whose digest the results area holds; a writer refuses more (the caller then writes in its own thread). */
export const WRITER_MAX_FILES = 8192;
/** Bytes of a failure's message (UTF-8) in the shared error area. */
const ERROR_BYTES = 4096;
/** How long the maker waits for the thread to take a record before it calls the thread broken. */
const WAIT_MS = 300_000;

// Control words (Int32Array): chunks put into the ring, chunks taken out and done, failure flag.
const PUT = 0;
const DONE = 1;
const FAILED = 2;
const ERROR_LENGTH = 3;
// A slot's record kind (its header word 0): open the file whose path follows, write the chunk, close and
// store the digest of file index header word 2, end the thread.
const OPEN = 1;
const DATA = 2;
const CLOSE = 3;
const END = 4;

/** The thread's source: a loop over the ring's records until END. */
const WRITER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { openSync, writeSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { control, headers, slots, results, error, slotBytes, ringSlots } = workerData;
const ctl = new Int32Array(control);
const head = new Int32Array(headers);
const digests = new Uint8Array(results);
const sizes = new Float64Array(results, 0, digests.length / 40);
let fd = -1, hash = null, bytes = 0, failed = false;
for (let k = 0; ; k++) {
  while (Atomics.load(ctl, ${PUT}) === k) Atomics.wait(ctl, ${PUT}, k);
  const slot = k % ringSlots;
  const kind = head[slot * 4], length = head[slot * 4 + 1], file = head[slot * 4 + 2];
  const data = new Uint8Array(slots, slot * slotBytes, length);
  if (kind === ${END}) break;
  if (!failed) {
    try {
      if (kind === ${OPEN}) {
        if (fd >= 0) closeSync(fd); // the previous file's maker threw before its end
        fd = -1;
        fd = openSync(Buffer.from(data).toString('utf8'), 'w');
        hash = createHash('sha256');
        bytes = 0;
      } else if (kind === ${DATA}) {
        for (let done = 0; done < length; ) done += writeSync(fd, data, done, length - done);
        hash.update(data);
        bytes += length;
      } else if (kind === ${CLOSE}) {
        const f = fd;
        fd = -1;
        closeSync(f);
        sizes[file] = bytes;
        digests.set(hash.digest(), sizes.byteLength + file * 32);
      }
    } catch (e) {
      failed = true;
      if (fd >= 0) try { closeSync(fd); } catch {}
      const text = Buffer.from(JSON.stringify({ file, code: e && e.code, message: String(e && e.message).slice(0, 800) }));
      new Uint8Array(error).set(text);
      Atomics.store(ctl, ${ERROR_LENGTH}, text.length);
      Atomics.store(ctl, ${FAILED}, 1);
    }
  }
  Atomics.store(ctl, ${DONE}, k + 1);
  Atomics.notify(ctl, ${DONE});
}
`;

/** A failed write of the writer thread: the file (its index in write order), errno code and message. */
export interface WriterFailure {
  readonly file: number;
  readonly code: string | undefined;
  readonly message: string;
}

export interface WriterThread {
  /**
   * Writes `chunks` (each valid only until the next is asked for, as contentChunks hands them) as the
   * file `dest` (absolute; its folder exists); returns the file's index, whose digest `settle` gives.
   * Throws the failure of an earlier write, if any.
   */
  write(dest: string, chunks: Iterable<Uint8Array>): number;
  /** Waits until every file is written; their digests by index. Throws a write's failure, if any. */
  settle(): FileDigest[];
  /** Ends the thread (after `settle`, or to abandon what is still queued). */
  stop(): Promise<void>;
}

/** Thrown by `write` and `settle` when a write failed on the thread. */
export class WriterFailed extends Error {
  constructor(readonly failure: WriterFailure) {
    super(failure.message);
    this.name = 'WriterFailed';
  }
}

export function startWriterThread(): WriterThread {
  const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const headers = new SharedArrayBuffer(RING_SLOTS * 4 * Int32Array.BYTES_PER_ELEMENT);
  const slots = new SharedArrayBuffer(RING_SLOTS * SLOT_BYTES);
  const results = new SharedArrayBuffer(WRITER_MAX_FILES * 40);
  const error = new SharedArrayBuffer(ERROR_BYTES);
  const worker = new Worker(WRITER_SOURCE, {
    eval: true,
    workerData: { control, headers, slots, results, error, slotBytes: SLOT_BYTES, ringSlots: RING_SLOTS },
  });
  // The thread never keeps the process alive (it waits on shared memory, not on the event loop).
  worker.unref();
  const ctl = new Int32Array(control);
  const head = new Int32Array(headers);
  const sizes = new Float64Array(results, 0, WRITER_MAX_FILES);
  const hashes = new Uint8Array(results, sizes.byteLength);
  let put = 0;
  let files = 0;
  let ended = false;

  const throwIfFailed = (): void => {
    if (Atomics.load(ctl, FAILED) === 0) return;
    const text = Buffer.from(new Uint8Array(error, 0, Atomics.load(ctl, ERROR_LENGTH))).toString('utf8');
    throw new WriterFailed(JSON.parse(text) as WriterFailure);
  };
  /** Waits while control word `word` is `is`, at most WAIT_MS at a time: a thread that made no progress for that long is broken. */
  const waitWhile = (word: number, is: number): void => {
    if (Atomics.wait(ctl, word, is, WAIT_MS) === 'timed-out' && Atomics.load(ctl, word) === is)
      throw new Error(`the output writer thread made no progress in ${WAIT_MS / 1000} s`);
  };
  /** The next slot, once the thread has freed it. */
  const freeSlot = (): number => {
    for (let done = Atomics.load(ctl, DONE); put - done >= RING_SLOTS; done = Atomics.load(ctl, DONE))
      waitWhile(DONE, done);
    return put % RING_SLOTS;
  };
  /** Puts a record into the next slot (its bytes, at most SLOT_BYTES, copied in) and lets the thread take it. */
  const send = (kind: number, file: number, bytes?: Uint8Array): void => {
    const slot = freeSlot();
    const length = bytes?.byteLength ?? 0;
    if (bytes !== undefined) new Uint8Array(slots, slot * SLOT_BYTES, length).set(bytes);
    head[slot * 4] = kind;
    head[slot * 4 + 1] = length;
    head[slot * 4 + 2] = file;
    Atomics.store(ctl, PUT, ++put);
    Atomics.notify(ctl, PUT);
  };
  const drain = (): void => {
    for (let done = Atomics.load(ctl, DONE); done < put; done = Atomics.load(ctl, DONE)) waitWhile(DONE, done);
  };

  return {
    write(dest, chunks) {
      throwIfFailed();
      if (files === WRITER_MAX_FILES) throw new Error(`the writer thread holds at most ${WRITER_MAX_FILES} files`);
      const path = Buffer.from(dest, 'utf8');
      if (path.byteLength > SLOT_BYTES) throw new Error(`a path of ${path.byteLength} bytes: ${dest.slice(0, 80)}…`);
      const file = files++;
      send(OPEN, file, path);
      for (const chunk of chunks)
        for (let at = 0; at < chunk.byteLength; at += SLOT_BYTES) send(DATA, file, chunk.subarray(at, at + SLOT_BYTES));
      send(CLOSE, file);
      return file;
    },
    settle() {
      drain();
      throwIfFailed();
      return Array.from({ length: files }, (_, i) => ({
        bytes: sizes[i] as number,
        sha256: Buffer.from(hashes.subarray(i * 32, i * 32 + 32)).toString('hex'),
      }));
    },
    async stop() {
      // END lets a waiting thread finish its loop; terminate ends it wherever it is (a write's failure aside,
      // a thread that has taken every record waits for the next one).
      if (!ended && put - Atomics.load(ctl, DONE) < RING_SLOTS) send(END, 0);
      ended = true;
      await worker.terminate();
    },
  };
}

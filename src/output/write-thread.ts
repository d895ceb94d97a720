/**
 * Output files written and hashed on a worker thread, so that the analysis goes on while the bytes go to
 * disk. A large lock's run writes gigabytes (6.3 GB at 20,000 subjects): written and hashed on the main
 * thread, each write waited for the kernel (which throttles a writer once a fifth of memory is dirty
 * pages) and SHA-256 took ~1 s a gigabyte, all time the analysis stood still.
 *
 * The main thread stays synchronous, as the pipeline is: it opens each file itself (so a file that cannot
 * be created fails at once, where the run makes it), encodes its content into 1 MiB buffers of a fixed
 * pool and hands them to the thread, which writes them in order, hashes them, closes the file and hands
 * the buffers back. The pool bounds what is in flight (POOL_BUFFERS × 1 MiB); when every buffer is out,
 * the main thread waits (Atomics.wait) for the thread to give one back. Replies come on a MessagePort read
 * synchronously (receiveMessageOnPort), and a shared counter, raised after each reply, is what the main
 * thread waits on. A write that fails (no space, I/O error) is reported with the file it was for when the
 * caller next asks (`finished`, `finishAll`); the thread then drops that file's remaining chunks.
 *
 * The thread's code is a plain-JavaScript string run with `eval: true`, so the same code runs from the
 * TypeScript sources (tests) and from the bundle, with no file of its own to find.
 */
import { openSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { contentChunks, type FileDigest, type OutputContent } from './output-files.js';

/** Bytes of one pool buffer: the size contentChunks hands out. */
const BUFFER_BYTES = 1 << 20;
/** Buffers in flight at most: 32 MiB of output waiting for the thread. */
export const POOL_BUFFERS = 32;

/** A file the thread is done with: its size and SHA-256, or why it could not be written. */
export type Finished =
  | { readonly key: string; readonly digest: FileDigest }
  | { readonly key: string; readonly error: NodeJS.ErrnoException };

export interface WriteThread {
  /**
   * Opens `dest` now (its error, e.g. ENOTDIR, thrown here) and hands `content` to the thread, chunk by
   * chunk; returns once the last chunk is handed over (the write may still be going on). An error of
   * the code making the pieces is thrown as it is, after the file is closed by the thread.
   */
  write(key: string, dest: string, content: OutputContent): void;
  /** Whether a file of this key was handed over and is not finished yet. */
  pending(key: string): boolean;
  /** The files finished since the last call, in the order they were handed over; does not wait. */
  finished(): Finished[];
  /** Waits until every file handed over is finished, and returns those not returned before. */
  finishAll(): Finished[];
  /** Ends the thread; call after finishAll (a file still in flight would be left open). */
  stop(): Promise<void>;
}

/** The thread's side (see the file comment). Messages: {id, fd} opens, {id, chunk, length}, {id, end}. */
const THREAD_CODE = `
const { workerData } = require('node:worker_threads');
const { writeSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { port, signal } = workerData;
const files = new Map();
function reply(message, transfer) {
  port.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
function write(file, view) {
  for (let done = 0; done < view.byteLength; ) done += writeSync(file.fd, view, done, view.byteLength - done);
  file.hash.update(view);
  file.bytes += view.byteLength;
}
function end(id) {
  const file = files.get(id);
  files.delete(id);
  try { closeSync(file.fd); } catch (e) { file.error = file.error || e; }
  if (file.error) reply({ id, code: String(file.error.code), message: String(file.error.message) });
  else reply({ id, bytes: file.bytes, sha256: file.hash.digest('hex') });
}
port.on('message', (m) => {
  try {
    if (m.fd !== undefined) files.set(m.id, { fd: m.fd, hash: createHash('sha256'), bytes: 0, error: null });
    else if (m.chunk !== undefined) {
      const file = files.get(m.id);
      if (file.error === null) {
        try { write(file, new Uint8Array(m.chunk, 0, m.length)); } catch (e) { file.error = e; }
      }
      reply({ buffer: m.chunk }, [m.chunk]);
    } else end(m.id);
  } catch (e) {
    reply({ fatal: String(e && e.stack || e) });
  }
});
`;

type Reply =
  | { readonly buffer: ArrayBuffer }
  | { readonly id: number; readonly bytes: number; readonly sha256: string }
  | { readonly id: number; readonly code: string; readonly message: string }
  | { readonly fatal: string };

/** Starts the thread. */
export function startWriteThread(): WriteThread {
  const { port1: port, port2: theirs } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  // The files are opened here and closed there: not the thread's "own" descriptors for Node to track.
  const worker = new Worker(THREAD_CODE, {
    eval: true,
    workerData: { port: theirs, signal },
    transferList: [theirs],
    trackUnmanagedFds: false,
  });
  worker.unref(); // never what keeps the process alive
  const free: ArrayBuffer[] = Array.from({ length: POOL_BUFFERS }, () => new ArrayBuffer(BUFFER_BYTES));
  const keys = new Map<number, string>(); // files in flight by id, in the order handed over
  const done: Finished[] = [];
  const failed = new Set<number>();
  let nextId = 0;

  const take = (r: Reply): void => {
    if ('fatal' in r) throw new Error(`output write thread: ${r.fatal}`);
    if ('buffer' in r) {
      free.push(r.buffer);
      return;
    }
    const key = keys.get(r.id) as string;
    keys.delete(r.id);
    if ('sha256' in r) done.push({ key, digest: { bytes: r.bytes, sha256: r.sha256 } });
    else {
      failed.add(r.id);
      done.push({ key, error: Object.assign(new Error(r.message), { code: r.code }) });
    }
  };
  /** Takes every reply waiting; with `wait`, first waits for one if none is. */
  const receive = (wait: boolean): void => {
    for (;;) {
      const seen = Atomics.load(signal, 0);
      let got = false;
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
        take(m.message as Reply);
        got = true;
      }
      if (got || !wait) return;
      Atomics.wait(signal, 0, seen);
    }
  };
  const buffer = (): ArrayBuffer => {
    if (free.length === 0) receive(false);
    while (free.length === 0) receive(true);
    return free.pop() as ArrayBuffer;
  };
  const send = (port: MessagePort, id: number, bytes: Uint8Array): void => {
    for (let start = 0; start < bytes.byteLength; start += BUFFER_BYTES) {
      const part = bytes.subarray(start, Math.min(start + BUFFER_BYTES, bytes.byteLength));
      const chunk = buffer();
      new Uint8Array(chunk).set(part);
      port.postMessage({ id, chunk, length: part.byteLength }, [chunk]);
    }
  };

  return {
    write(key, dest, content) {
      const fd = openSync(dest, 'w');
      const id = nextId++;
      keys.set(id, key);
      port.postMessage({ id, fd });
      try {
        for (const chunk of contentChunks(content)) {
          send(port, id, chunk);
          if (failed.has(id)) break; // the thread drops the rest; the failure is reported as finished
        }
      } finally {
        port.postMessage({ id, end: true });
      }
    },
    pending: (key) => [...keys.values()].includes(key),
    finished() {
      receive(false);
      return done.splice(0);
    },
    finishAll() {
      while (keys.size > 0) receive(true);
      return done.splice(0);
    },
    async stop() {
      port.close();
      await worker.terminate();
    },
  };
}

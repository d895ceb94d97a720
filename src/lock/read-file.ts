/**
 * Reading one input file safely (lock.md §lock.json: every listed file is a regular file). A FIFO would
 * block the run forever and a device such as /dev/zero would fill the memory, so the file is opened
 * without blocking, checked on the open handle (fstat: what is checked is what is read, a link is
 * followed to what it points at), and exactly the size fstat gave is read, no more.
 */
import { Buffer } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The largest lock or randomization file read: 2 GiB, the most Node 20's `readFile` reads at once (the
 * randomization file and lock.json are read whole; the domain files are streamed, src/lock/stream-file.ts)
 * and some 38 times the qs.csv of a 1,000-subject lock. A larger qs.csv (a 100,000-subject lock's is 5.7 GB)
 * is refused before reading: its run would need ~8–9 GB and write ~32 GB (README §Scale).
 */
export const MAX_INPUT_BYTES = 2 ** 31;

/** lock.json lists nine hashes in under a kilobyte: a megabyte is no seal. */
export const MAX_MANIFEST_BYTES = 2 ** 20;

export type FileRead =
  { readonly bytes: Buffer; readonly problem: null } | { readonly bytes: null; readonly problem: string };

/** What a path that is not a regular file is, in a data manager's words. */
function kindOf(s: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isDirectory(): boolean;
}): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function sizeText(bytes: number): string {
  if (bytes >= 2 ** 30) return `${bytes / 2 ** 30} GiB`;
  return bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB` : `${bytes} bytes`;
}

/**
 * The bytes of `path` when it is a regular file of at most `maxBytes`; otherwise the problem, worded to
 * follow the file's name (`is a FIFO (named pipe), not a regular file`, `cannot be read (EACCES)`).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<FileRead> {
  return withRegularFile<FileRead>(
    path,
    maxBytes,
    (fd, size) => Promise.resolve({ bytes: readExactly(fd, size), problem: null }),
    (problem) => ({ bytes: null, problem }),
  );
}

/** An open regular file read in pieces: `read` fills a buffer from a position, up to the size fstat gave. */
export interface InputFile {
  readonly size: number;
  /** Bytes read into `into` from `offset` on, from `position` of the file: 0 at its end (or past the size). */
  read(into: Uint8Array, offset: number, length: number, position: number): number;
}

export type FileUse<T> =
  { readonly value: T; readonly problem: null } | { readonly value: null; readonly problem: string };

/**
 * `use` run on `path` opened as `readRegularFile` opens it (the same checks and problems), for a reader
 * that reads the file in pieces rather than whole (a 1 GB qs.csv); the file is closed after it.
 */
export async function useRegularFile<T>(
  path: string,
  maxBytes: number,
  use: (file: InputFile) => T | Promise<T>,
): Promise<FileUse<T>> {
  return withRegularFile<FileUse<T>>(
    path,
    maxBytes,
    async (fd, size) => {
      const file: InputFile = {
        size,
        read: (into, offset, length, position) =>
          position >= size ? 0 : readSync(fd, into, offset, Math.min(length, size - position), position),
      };
      return { value: await use(file), problem: null };
    },
    (problem) => ({ value: null, problem }),
  );
}

/**
 * `use` on the open file when it is a regular file of at most `maxBytes`, else `problem` of what it is.
 * Opened, checked and closed synchronously, as it is read: each asynchronous call was a round trip through
 * libuv's thread pool with nothing for the run to do meanwhile (three a file, 5–17 ms idle each on a busy host).
 */
async function withRegularFile<R>(
  path: string,
  maxBytes: number,
  use: (fd: number, size: number) => Promise<R>,
  problem: (text: string) => R,
): Promise<R> {
  let fd;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; a regular file ignores it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return problem(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return problem(`is ${kindOf(s)}, not a regular file: an input file must be a regular file`);
    if (s.size > maxBytes)
      return problem(`is ${s.size} bytes, more than the ${sizeText(maxBytes)} an input file may hold`);
    return await use(fd, s.size);
  } catch (e) {
    return problem(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
}

/** Up to `size` bytes from the start (fewer if the file shrank meanwhile; a file that grows is cut). */
function readExactly(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const bytesRead = readSync(fd, buf, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === size ? buf : buf.subarray(0, filled);
}

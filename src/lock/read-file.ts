/**
 * Reading one input file safely (lock.md §lock.json: every listed file is a regular file). A FIFO would
 * block the run forever and a device such as /dev/zero would fill the memory, so the file is opened
 * without blocking, checked on the open handle (fstat: what is checked is what is read, a link is
 * followed to what it points at), and exactly the size fstat gave is read, no more.
 */
import { Buffer } from 'node:buffer';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The largest lock or randomization file read: 2 GiB, the most Node 20's `readFile` reads at once and
 * some 35 times the qs.csv of a 1,000-subject lock (README §Performance), whose rows would not fit in
 * memory anyway.
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
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; a regular file ignores it.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { bytes: null, problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    const s = await handle.stat();
    if (!s.isFile())
      return { bytes: null, problem: `is ${kindOf(s)}, not a regular file: an input file must be a regular file` };
    if (s.size > maxBytes)
      return { bytes: null, problem: `is ${s.size} bytes, more than the ${sizeText(maxBytes)} an input file may hold` };
    return { bytes: await readExactly(handle, s.size), problem: null };
  } catch (e) {
    return { bytes: null, problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  } finally {
    await handle.close();
  }
}

/** Up to `size` bytes from the start (fewer if the file shrank meanwhile; a file that grows is cut). */
async function readExactly(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buf, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === size ? buf : buf.subarray(0, filled);
}

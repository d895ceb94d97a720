/** SHA-256 of file contents, as lock.json records them (lower-case hex of the file's bytes). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 of a file's bytes (for the manifest of a run: the randomization and settings files, a few KB).
 * Read synchronously: an asynchronous read is four round trips through libuv's thread pool, and on a busy
 * machine the run sat idle ~15 ms waiting for them, in one run of two, with nothing else to do meanwhile.
 */
export async function sha256File(path: string): Promise<string> {
  return Promise.resolve(sha256Hex(readFileSync(path)));
}

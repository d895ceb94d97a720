/** SHA-256 of file contents, as lock.json records them (lower-case hex of the file's bytes). */
import { createHash, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * `sha256Hex` computed on libuv's thread pool (WebCrypto digest): a lock's files are hashed while the
 * main thread parses them (~0.5 s of a 2,000-subject lock's 130 MB).
 */
export async function sha256HexOffThread(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** SHA-256 of a file's bytes (for the manifest of a run, e.g. the randomization file). */
export async function sha256File(path: string): Promise<string> {
  return sha256Hex(await readFile(path));
}

/** SHA-256 of file contents, as lock.json records them (lower-case hex of the file's bytes). */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file's bytes (for the manifest of a run, e.g. the randomization file). */
export async function sha256File(path: string): Promise<string> {
  return sha256Hex(await readFile(path));
}

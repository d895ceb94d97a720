/**
 * readRegularFile (src/lock/read-file.ts): only regular files are read, never more than the limit.
 * Expected values: lock.md §lock.json (every listed file is a regular file, not a FIFO, device or a link
 * to one). A FIFO with no writer would block a plain readFile forever, /dev/zero would fill the memory:
 * each case here finishes at once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readRegularFile } from '../../src/lock/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'sle-read-file-'));

describe('readRegularFile', () => {
  it('reads a regular file, and one through a link', async () => {
    writeFileSync(join(dir, 'a.csv'), 'A,B\n1,2\n');
    symlinkSync(join(dir, 'a.csv'), join(dir, 'link.csv'));
    for (const name of ['a.csv', 'link.csv']) {
      const r = await readRegularFile(join(dir, name), 100);
      expect(r.problem).toBeNull();
      expect(r.bytes?.toString()).toBe('A,B\n1,2\n');
    }
  });
  it('refuses a FIFO without waiting for a writer', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.csv')]);
    const r = await readRegularFile(join(dir, 'fifo.csv'), MAX_INPUT_BYTES);
    expect(r).toEqual({
      bytes: null,
      problem: 'is a FIFO (named pipe), not a regular file: an input file must be a regular file',
    });
  });
  it('refuses a link to /dev/zero without reading it', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    const r = await readRegularFile(join(dir, 'zero.csv'), MAX_INPUT_BYTES);
    expect(r.problem).toBe('is a device, not a regular file: an input file must be a regular file');
  });
  it('refuses a folder, and names the error of a path that cannot be opened', async () => {
    mkdirSync(join(dir, 'folder.csv'));
    expect((await readRegularFile(join(dir, 'folder.csv'), 100)).problem).toBe(
      'is a folder, not a regular file: an input file must be a regular file',
    );
    expect((await readRegularFile(join(dir, 'none.csv'), 100)).problem).toBe('cannot be read (ENOENT)');
  });
  it('refuses a file larger than the limit by its size, before reading (a sparse 3 GiB file)', async () => {
    writeFileSync(join(dir, 'big.csv'), '');
    truncateSync(join(dir, 'big.csv'), 3 * 2 ** 30);
    const r = await readRegularFile(join(dir, 'big.csv'), MAX_INPUT_BYTES);
    expect(r.problem).toBe(`is ${3 * 2 ** 30} bytes, more than the 2 GiB an input file may hold`);
    expect((await readRegularFile(join(dir, 'a.csv'), 4)).problem).toBe(
      'is 8 bytes, more than the 4 bytes an input file may hold',
    );
  });
});

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestOf, type OutputContent } from '../../src/output/output-files.js';
import { POOL_BUFFERS, startWriteThread, type WriteThread } from '../../src/output/write-thread.js';

let dir: string;
let thread: WriteThread;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'write-thread-'));
  thread = startWriteThread();
});
afterEach(async () => {
  thread.finishAll();
  await thread.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('startWriteThread: files written and hashed on a worker thread', () => {
  it('writes text, bytes and pieces byte for byte, with the digests the main thread computes', () => {
    const big = new Uint8Array((POOL_BUFFERS + 3) * (1 << 20) + 17).map((_, i) => (i * 31) & 0xff); // more than the pool
    const contents: Record<string, OutputContent> = {
      'a.txt': 'héllo, wörld \u{1F600}\n',
      'b.bin': new Uint8Array([0, 1, 2, 255]),
      'c.txt': ['x'.repeat(3 << 20), new Uint8Array([65, 66]), 'ü'.repeat(1 << 19)],
      'd.bin': big,
      'e.txt': '',
    };
    for (const [name, content] of Object.entries(contents)) thread.write(name, path.join(dir, name), content);
    const finished = thread.finishAll();
    expect(finished.map((f) => f.key)).toEqual(Object.keys(contents)); // in the order handed over
    for (const f of finished) {
      const bytes = readFileSync(path.join(dir, f.key));
      expect(f).toEqual({ key: f.key, digest: { bytes: bytes.byteLength, sha256: sha(bytes) } });
      expect(f).toEqual({ key: f.key, digest: digestOf(contents[f.key] as OutputContent) });
    }
    expect(readFileSync(path.join(dir, 'd.bin')).equals(big)).toBe(true);
    expect(thread.pending('d.bin')).toBe(false);
    expect(thread.finished()).toEqual([]);
  });

  it('a file that cannot be opened fails at once, in write', () => {
    expect(() => thread.write('x', path.join(dir, 'no', 'such', 'folder.txt'), 'x')).toThrow(/ENOENT/);
    expect(thread.finishAll()).toEqual([]);
  });

  it.runIf(existsSync('/dev/full'))(
    'a write that fails (no space) is reported with its file, and later files still get written',
    () => {
      thread.write('full', '/dev/full', 'x'.repeat(3 << 20));
      thread.write('ok.txt', path.join(dir, 'ok.txt'), 'fine');
      const [full, ok] = thread.finishAll();
      expect(full).toMatchObject({ key: 'full', error: { code: 'ENOSPC' } });
      expect(ok).toEqual({ key: 'ok.txt', digest: { bytes: 4, sha256: sha('fine') } });
    },
  );

  it('an error of the code making the pieces is thrown as it is; the file is closed and reported', () => {
    const failing = (function* () {
      yield 'a';
      throw new TypeError('a cell holds an object');
    })();
    expect(() => thread.write('bug.txt', path.join(dir, 'bug.txt'), failing)).toThrow(TypeError);
    expect(thread.finishAll()).toEqual([{ key: 'bug.txt', digest: { bytes: 0, sha256: sha('') } }]); // 'a' was not yet a whole chunk
  });
});

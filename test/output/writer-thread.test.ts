import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentChunks, digestOf, type OutputContent } from '../../src/output/output-files.js';
import { startWriterThread, WriterFailed } from '../../src/output/writer-thread.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sle-msc-writer-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Contents that cross the writer's slots (1 MiB) and its ring (4 slots) in every way. */
function contents(): [string, OutputContent][] {
  const mib = 1 << 20;
  const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251);
  return [
    ['empty.txt', ''],
    ['small.csv', 'a,b\n1,2\n'],
    ['accents.txt', 'Sjögren, Behçet — µg/L\u{1F600}\n'.repeat(3)],
    ['exactly-one-slot.bin', bytes(mib, 1)],
    ['text-over-five-slots.txt', Array.from({ length: 90_000 }, (_, i) => `line ${i} é ${'x'.repeat(50)}\n`)],
    ['large-byte-piece.bin', [bytes(3 * mib + 17, 2), 'tail']],
    ['many-pieces.rtf', Array.from({ length: 5000 }, (_, i) => `{\\row ${i}}`)],
  ];
}

describe('writer thread: files written and hashed on their own thread', () => {
  it('writes the bytes contentChunks makes and gives the digest digestOf gives, for files over many slots', async () => {
    const writer = startWriterThread();
    try {
      const made = contents();
      for (const [name, content] of made) writer.write(path.join(work, name), contentChunks(content));
      const digests = writer.settle();
      expect(digests).toEqual(made.map(([, content]) => digestOf(content)));
      made.forEach(([name, content], i) => {
        const expected = Buffer.concat(Array.from(contentChunks(content), (c) => Buffer.from(c))); // a chunk is valid until the next
        const written = readFileSync(path.join(work, name));
        expect(written.equals(expected), name).toBe(true);
        expect(createHash('sha256').update(written).digest('hex')).toBe(digests[i]?.sha256);
      });
    } finally {
      await writer.stop();
    }
  });

  it('a failed write is thrown by the next write and by settle, with its file index and errno code; nothing more is written', async () => {
    const writer = startWriterThread();
    try {
      mkdirSync(path.join(work, 'folder'));
      writer.write(path.join(work, 'first.txt'), contentChunks('1'));
      writer.write(path.join(work, 'folder'), contentChunks('a file where a folder is'));
      let failure: unknown;
      try {
        writer.settle();
      } catch (e) {
        failure = e;
      }
      expect(failure).toBeInstanceOf(WriterFailed);
      expect((failure as WriterFailed).failure).toMatchObject({ file: 1, code: 'EISDIR' });
      expect(() => writer.write(path.join(work, 'later.txt'), contentChunks('x'))).toThrow(WriterFailed);
      expect(readFileSync(path.join(work, 'first.txt'), 'utf8')).toBe('1');
    } finally {
      await writer.stop();
    }
  });

  it('a file whose maker throws leaves the thread writing the next files', async () => {
    const writer = startWriterThread();
    try {
      const failing = (function* () {
        yield 'a';
        throw new TypeError('a cell holds an object');
      })();
      expect(() => writer.write(path.join(work, 'bug.txt'), contentChunks(failing))).toThrow(TypeError);
      writer.write(path.join(work, 'next.txt'), contentChunks('next'));
      expect(writer.settle()[1]).toEqual(digestOf('next'));
      expect(readFileSync(path.join(work, 'next.txt'), 'utf8')).toBe('next');
    } finally {
      await writer.stop();
    }
  });
});

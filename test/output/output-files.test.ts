import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentBytes, digestOf, memoryOutput, wholeContent } from '../../src/output/output-files.js';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('contentBytes', () => {
  it('cuts a long text into bounded slices whose bytes are the UTF-8 of the whole text', () => {
    const text = `${'a'.repeat((1 << 20) - 1)}\u{1F600}${'é'.repeat(1 << 20)}x`;
    const pieces = [...contentBytes(text)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.byteLength))).toBeLessThanOrEqual(3 * (1 << 20));
    // The emoji's surrogate pair straddles the first slice boundary: cut there, it would become two U+FFFD.
    expect(Buffer.concat(pieces).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('passes bytes through and takes pieces of text and bytes in order', () => {
    const bytes = new Uint8Array([0, 255, 10]);
    expect(Buffer.concat([...contentBytes(bytes)])).toEqual(Buffer.from(bytes));
    expect(Buffer.concat([...contentBytes(['ab', new Uint8Array([67]), 'ü'])]).toString('utf8')).toBe('abCü');
  });
});

describe('digestOf and wholeContent', () => {
  it('give the size and SHA-256 of the file the pieces make', () => {
    const pieces = ['{\\rtf1 ', 'Zürich', '}\n'];
    expect(digestOf(pieces)).toEqual({
      bytes: Buffer.byteLength(pieces.join(''), 'utf8'),
      sha256: sha(pieces.join('')),
    });
    expect(wholeContent(pieces)).toBe(pieces.join(''));
    expect(wholeContent(['a', new Uint8Array([98])])).toEqual(Buffer.from('ab'));
  });

  it('a memory sink keeps the joined text of a generator', () => {
    const sink = memoryOutput();
    sink.set(
      'listings/l.txt',
      (function* () {
        yield 'page 1';
        yield '\n\fpage 2\n';
      })(),
    );
    expect(sink.files.get('listings/l.txt')).toBe('page 1\n\fpage 2\n');
  });
});

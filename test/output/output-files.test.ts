import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentChunks, digestOf, memoryOutput, wholeContent } from '../../src/output/output-files.js';

/** ASCII (special or not), 2- and 4-byte UTF-8, lone surrogates (fast-check's 'binary' unit takes seconds to set up). */
const CHARS = fc.constantFrom('a', ',', '"', '\n', 'é', '\u{1F600}', '\ud800', '\udc00');

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('contentChunks', () => {
  const MiB = 1 << 20;
  /** The chunks, copied as they come (each is valid only until the next). */
  const copies = (content: Parameters<typeof contentChunks>[0]) => {
    const out: Buffer[] = [];
    for (const chunk of contentChunks(content)) out.push(Buffer.from(chunk));
    return out;
  };
  const expected = (pieces: readonly (string | Uint8Array)[]) =>
    Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

  it('cuts a long text into bounded slices whose bytes are the UTF-8 of the whole text', () => {
    const text = `${'a'.repeat((1 << 20) - 1)}\u{1F600}${'é'.repeat(1 << 20)}x`;
    const pieces = copies(text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.byteLength))).toBeLessThanOrEqual(3 * (1 << 20));
    // The emoji's surrogate pair straddles the first slice boundary: cut there, it would become two U+FFFD.
    expect(Buffer.concat(pieces).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('passes bytes through and takes pieces of text and bytes in order', () => {
    const bytes = new Uint8Array([0, 255, 10]);
    expect(Buffer.concat(copies(bytes))).toEqual(Buffer.from(bytes));
    expect(Buffer.concat(copies(['ab', new Uint8Array([67]), 'ü'])).toString('utf8')).toBe('abCü');
  });

  it('gathers small pieces into one chunk', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? `line ${i}\n` : new Uint8Array([65, 10])));
    const chunks = copies(pieces);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.equals(expected(pieces))).toBe(true);
  });

  it('fills chunks of 1 MiB, never splitting a code point, and passes a larger byte piece as it is', () => {
    const big = new Uint8Array(MiB + 5).fill(7);
    const pieces = [`${'a'.repeat(MiB - 1)}\u{1F600}é`, big, 'x'];
    const raw = [...contentChunks(pieces)];
    expect(raw.some((c) => c === big)).toBe(true);
    const chunks = copies(pieces);
    expect(chunks.map((c) => c.length)).toEqual([MiB - 1, 4 + 2, MiB + 5, 1]);
    // Buffer#equals, not toEqual: a deep comparison of megabytes takes vitest seconds.
    expect(Buffer.concat(chunks).equals(expected(pieces))).toBe(true);
  });

  it('reuses its buffer from file to file, also after an abandoned file', () => {
    for (const _ of contentChunks('first')) break;
    expect(Buffer.concat(copies(['sec', 'ond']))).toEqual(Buffer.from('second'));
    expect(Buffer.concat(copies('third'))).toEqual(Buffer.from('third'));
  });

  it('any pieces give the bytes of the pieces in order', () => {
    // Mostly small pieces; now and then one of ~0.4 or 0.7 MB, so that chunks fill up and split long texts.
    const LONG = ['é\u{1F600}'.repeat(60_000), `x${'\u{1F600}é'.repeat(120_000)}`];
    const piece = fc.oneof(
      { arbitrary: fc.string({ unit: CHARS, maxLength: 50 }), weight: 4 },
      { arbitrary: fc.uint8Array({ maxLength: 50 }), weight: 4 },
      { arbitrary: fc.constantFrom(...LONG), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        expect(Buffer.concat(copies(pieces)).equals(expected(pieces))).toBe(true);
      }),
      { numRuns: 12 },
    );
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

  it('wholeContent copies each byte piece as it comes (a writer may reuse one buffer for all)', () => {
    const reused = new Uint8Array(2);
    const pieces = function* () {
      for (const text of ['ab', 'cd', 'ef']) {
        reused.set(Buffer.from(text));
        yield reused;
      }
    };
    expect(Buffer.from(wholeContent(pieces())).toString()).toBe('abcdef');
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

/**
 * TextBytes (src/output/text-bytes.ts): the byte buffer the CSV and Dataset-JSON writers build their
 * pieces in. Whatever is appended, `take()` gives the text whose UTF-8 is the bytes appended.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText, PIECE_BYTES, RECORDS_PER_PIECE, specialAscii, TextBytes } from '../../src/output/text-bytes.js';

/** ASCII (special or not), 2- and 4-byte UTF-8, lone surrogates (fast-check's 'binary' unit takes seconds to set up). */
const CHARS = fc.constantFrom('a', ',', '"', '\n', 'é', '\u{1F600}', '\ud800', '\udc00');

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('TextBytes', () => {
  it('takes what was appended, ASCII or not, and is empty afterwards', () => {
    const out = new TextBytes(4); // tiny: every append grows it
    out.append('Zürich, ');
    out.appendCode(0x41);
    out.append('\u{1F600}');
    expect(out.byteLength).toBe(utf8('Zürich, A\u{1F600}').length);
    expect(out.take()).toBe('Zürich, A\u{1F600}');
    expect(out.byteLength).toBe(0);
    // After a non-ASCII piece, an ASCII one is decoded as before.
    expect(out.appendPlainAscii('plain', specialAscii([]))).toBe(true);
    expect(out.take()).toBe('plain');
    expect(out.take()).toBe('');
  });

  it('endRecord cuts a piece at RECORDS_PER_PIECE records or PIECE_BYTES bytes; lastPiece gives the rest, none when empty', () => {
    const out = new TextBytes();
    const pieces: string[] = [];
    for (let i = 0; i < 2 * RECORDS_PER_PIECE + 1; i++) {
      out.append(`${i}\n`);
      const piece = out.endRecord();
      if (piece !== undefined) pieces.push(piece);
    }
    expect(pieces.map((p) => p.split('\n').length - 1)).toEqual([RECORDS_PER_PIECE, RECORDS_PER_PIECE]);
    expect(out.lastPiece()).toBe(`${2 * RECORDS_PER_PIECE}\n`);
    expect(out.lastPiece()).toBeUndefined();
    out.append('x'.repeat(PIECE_BYTES));
    expect(out.endRecord()).toHaveLength(PIECE_BYTES); // the first record, by its bytes
    out.append('y');
    out.take(); // a take counts the records again from zero
    for (let i = 1; i < RECORDS_PER_PIECE; i++) expect(out.endRecord()).toBeUndefined();
    expect(out.endRecord()).toBe('');
  });

  it('writes a lone surrogate as U+FFFD, as Buffer.from does', () => {
    const out = new TextBytes();
    out.append('a\ud800b');
    expect(utf8(out.take())).toEqual(utf8('a\ud800b'));
  });

  it('appendPlainAscii appends nothing and says false at a special or non-ASCII character', () => {
    const out = new TextBytes();
    const comma = specialAscii([0x2c]);
    expect(out.appendPlainAscii('a;b', comma)).toBe(true);
    expect(out.appendPlainAscii('a,b', comma)).toBe(false);
    expect(out.appendPlainAscii('é', comma)).toBe(false);
    expect(out.appendPlainAscii('', comma)).toBe(true);
    expect(out.take()).toBe('a;b');
  });

  it('any sequence of appends gives the UTF-8 of the texts appended, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ unit: CHARS })), { maxLength: 30 }), (parts) => {
        const out = new TextBytes(8);
        for (const [plain, text] of parts) {
          if (!plain || !out.appendPlainAscii(text, specialAscii([0x22]))) out.append(text);
        }
        // Each append is encoded on its own: halves of a surrogate pair in two appends are two U+FFFD.
        expect(utf8(out.take())).toEqual(Buffer.concat(parts.map(([, t]) => utf8(t))));
      }),
      { numRuns: 300 },
    );
  });

  it('appendNumber writes what String writes, for whole numbers and any other finite number', () => {
    const out = new TextBytes(2);
    const edge = [
      0,
      -0,
      1,
      -1,
      9,
      10,
      99,
      100,
      2 ** 31,
      -(2 ** 31) - 1,
      -(2 ** 31),
      2 ** 31 - 1,
      1e15 - 1,
      -(1e15 - 1),
      1e15,
      1e21,
      0.1,
      -2.5e-7,
    ];
    for (const x of edge) out.appendNumber(x);
    expect(out.take()).toBe(edge.map(String).join(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (x) => {
          out.appendNumber(x);
          expect(out.take()).toBe(String(x));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('numberText gives String(x) while numbers come back, collide in a slot and take it over', () => {
    // Few distinct values, many repeats: a remembered text is given back, a taken slot is remade.
    const pool = fc.array(fc.double({ noDefaultInfinity: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(pool, fc.array(fc.nat(), { maxLength: 200 }), (values, picks) => {
        for (const p of picks) {
          const x = values[p % values.length] as number;
          expect(numberText(x)).toBe(String(x));
        }
      }),
    );
    // Numbers whose bits differ only where a weak slot choice would look (exact binary fractions), ±0, NaN.
    const halves = Array.from({ length: 3000 }, (_, i) => i / 2 - 700);
    for (let round = 0; round < 2; round++) for (const x of halves) expect(numberText(x)).toBe(String(x));
    for (const x of [0, -0, NaN, Infinity, -Infinity, 5e-324, Number.MAX_VALUE])
      expect([numberText(x), numberText(x)]).toEqual([String(x), String(x)]);
  });
});

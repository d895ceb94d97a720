import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { fitsIbmDouble, readIbmDouble, SAS_MISSING, writeIbmDouble } from '../../src/submission/ibm-float.js';

/** xport-js's own IBM → IEEE decoder (bit by bit): an independent reader of what we write. */
const ibm2ieee = (
  createRequire(import.meta.url)('xport-js/dist/utils/ibm2ieee.js') as { default: (b: Buffer) => number | null }
).default;

function bytes(x: number): number[] {
  const out = new Uint8Array(8);
  expect(writeIbmDouble(x, out, 0)).toBe(true);
  return [...out];
}

const hex = (s: string): number[] => s.split(' ').map((b) => parseInt(b, 16));

describe('writeIbmDouble', () => {
  it('writes the textbook encodings', () => {
    // -118.625 = -0.76A (hex) × 16^2: the worked example of IBM hexadecimal floating point.
    expect(bytes(-118.625)).toEqual(hex('C2 76 A0 00 00 00 00 00'));
    expect(bytes(1)).toEqual(hex('41 10 00 00 00 00 00 00'));
    expect(bytes(-1)).toEqual(hex('C1 10 00 00 00 00 00 00'));
    expect(bytes(100)).toEqual(hex('42 64 00 00 00 00 00 00'));
    // 0.1 = 0x3FB999999999999A: the 53-bit mantissa fills the fraction after three zero bits.
    expect(bytes(0.1)).toEqual(hex('40 19 99 99 99 99 99 9A'));
  });

  it('writes 0 and -0 as eight zero bytes, missing as 0x2E then zeros', () => {
    expect(bytes(0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bytes(-0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(SAS_MISSING).toEqual([0x2e, 0, 0, 0, 0, 0, 0, 0]);
    expect(readIbmDouble(Uint8Array.from(SAS_MISSING), 0)).toBeNull();
  });

  it('rounds magnitudes below 16^-65 to the nearer of 0 and 16^-65', () => {
    expect(bytes(1e-300)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bytes(5e-324)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bytes(2 ** -262)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bytes(2 ** -260)).toEqual(hex('00 10 00 00 00 00 00 00'));
    expect(bytes(1.5 * 2 ** -261)).toEqual(hex('00 10 00 00 00 00 00 00'));
    expect(bytes(-1.5 * 2 ** -261)).toEqual(hex('80 10 00 00 00 00 00 00'));
  });

  it('refuses what IBM doubles cannot hold: |x| ≥ 16^63, infinities, NaN', () => {
    const out = new Uint8Array(8).fill(7);
    for (const x of [1e300, -1e300, 2 ** 252, Infinity, -Infinity, NaN]) expect(writeIbmDouble(x, out, 0)).toBe(false);
    expect([...out]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]); // nothing written
    for (const x of [1e300, -1e300, 2 ** 252, Infinity, -Infinity, NaN]) expect(fitsIbmDouble(x)).toBe(false);
    for (const x of [0, -0, 1e-300, 2 ** 252 * (1 - 2 ** -53), -(2 ** 251)]) expect(fitsIbmDouble(x)).toBe(true);
    expect(bytes(2 ** 252 * (1 - 2 ** -53))).toEqual(hex('7F FF FF FF FF FF FF F8'));
  });

  it('writes every double in the IBM range exactly (read back by xport-js and by our reader)', () => {
    const inRange = fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((x) => x === 0 || (Math.abs(x) >= 2 ** -260 && Math.abs(x) < 2 ** 252));
    fc.assert(
      fc.property(inRange, (x) => {
        const out = new Uint8Array(8);
        writeIbmDouble(x, out, 0);
        const expected = x === 0 ? 0 : x;
        expect(ibm2ieee(Buffer.from(out))).toBe(expected);
        expect(readIbmDouble(out, 0)).toBe(expected);
        expect(out[1]! >>> 4).not.toBe(x === 0 ? 1 : 0); // normalised: a non-zero leading hex digit
      }),
      { numRuns: 5000 },
    );
  });

  it('writes at the offset given and nowhere else', () => {
    const out = new Uint8Array(24).fill(0x20);
    writeIbmDouble(1, out, 8);
    expect([...out.slice(0, 8)]).toEqual(Array(8).fill(0x20));
    expect([...out.slice(8, 16)]).toEqual(hex('41 10 00 00 00 00 00 00'));
    expect([...out.slice(16)]).toEqual(Array(8).fill(0x20));
  });
});

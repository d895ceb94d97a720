/**
 * IEEE 754 double ↔ IBM System/360 hexadecimal floating point, 8 bytes, as SAS V5 transport files store
 * numbers: sign bit, 7-bit exponent of 16 biased by 64, 56-bit fraction 0.f with a non-zero leading hex
 * digit. value = 0.f × 16^(exponent − 64).
 *
 * Range and rounding. The fraction keeps at least 53 significant bits (56 less at most 3 leading zero
 * bits), so every double inside the IBM exponent range is written exactly: no rounding happens there.
 * Outside it:
 * - |x| ≥ 16^63 (≈ 7.24e75, e.g. 1e300) does not fit: `ieeeToIbm` returns `undefined` and the XPT writer
 *   refuses the dataset with an error naming the cell (a statistic that large is a bug, and writing
 *   a missing value or a clipped number instead would silently change data).
 * - |x| < 16^−65 (≈ 5.4e−79, e.g. 1e−300) is below the smallest normalised IBM number: rounded to the
 *   nearer of 0 and 16^−65 (so 1e−300 → 0). Unnormalised IBM numbers are not written: some readers
 *   renormalise them wrongly.
 * - 0 and −0 are both written as eight zero bytes (SAS has no negative zero, and the CSV writes −0 as 0).
 * - Missing (null) is the SAS missing value `.`: 0x2E followed by seven zero bytes.
 * Work is done on the two 32-bit halves of the double (no BigInt, no strings): millions of cells a second.
 */

const scratch = new DataView(new ArrayBuffer(8));

/** The smallest normalised IBM double, 16^−65 = 2^−260, and half of it (the rounding threshold). */
const IBM_MIN = 2 ** -260;
const IBM_HALF_MIN = 2 ** -261;
/** 16^63 = 2^252: the first magnitude that no longer fits. */
const IBM_OVERFLOW = 2 ** 252;

/** SAS missing value `.` (0x2E then zeros). */
export const SAS_MISSING: readonly number[] = [0x2e, 0, 0, 0, 0, 0, 0, 0];

/** Whether writeIbmDouble can write `x`: finite and below 16^63 in magnitude. */
export function fitsIbmDouble(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) < IBM_OVERFLOW;
}

/**
 * Writes the IBM double of `x` at `out[offset…offset+7]`. Returns false (writing nothing) when `x` is
 * not finite or too large to represent; the caller reports it.
 */
export function writeIbmDouble(x: number, out: Uint8Array, offset: number): boolean {
  if (!fitsIbmDouble(x)) return false;
  const mag = Math.abs(x);
  if (mag < IBM_MIN) {
    if (mag < IBM_HALF_MIN) out.fill(0, offset, offset + 8);
    else writeParts(x < 0 ? 0x80 : 0, 0, 0x100000, 0, out, offset); // 0.1 (hex) × 16^−64
    return true;
  }
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const sign = hi >>> 31 === 1 ? 0x80 : 0;
  const biased = (hi >>> 20) & 0x7ff;
  // x = m × 2^e2 with m = 1.mantissa / 2 in [0.5, 1); IBM wants f × 16^E with f in [1/16, 1).
  const e2 = biased - 1022;
  const E = Math.ceil(e2 / 4);
  const shift = 4 * E - e2; // 0..3 leading zero bits in the fraction
  const k = 3 - shift; // the 53-bit mantissa moves left by k inside the 56-bit fraction
  const mHi = (hi & 0xfffff) | 0x100000; // 21 bits, hidden bit included
  const fHi = k === 0 ? mHi : ((mHi << k) | (lo >>> (32 - k))) >>> 0; // 24 bits
  const fLo = (lo << k) >>> 0;
  writeParts(sign, E + 64, fHi, fLo, out, offset);
  return true;
}

function writeParts(sign: number, exponent: number, fHi: number, fLo: number, out: Uint8Array, o: number): void {
  out[o] = sign | exponent;
  out[o + 1] = (fHi >>> 16) & 0xff;
  out[o + 2] = (fHi >>> 8) & 0xff;
  out[o + 3] = fHi & 0xff;
  out[o + 4] = fLo >>> 24;
  out[o + 5] = (fLo >>> 16) & 0xff;
  out[o + 6] = (fLo >>> 8) & 0xff;
  out[o + 7] = fLo & 0xff;
}

/**
 * The value of an 8-byte IBM double (null for a SAS missing value: 0x2E or 0x41–0x5A or 0x5F followed by
 * zeros). Used by the tests to read back what was written; normalised or not, it computes
 * 0.f × 16^(e − 64) exactly in binary64 wherever the result is a double.
 */
export function readIbmDouble(bytes: Uint8Array, offset: number): number | null {
  const b0 = bytes[offset] as number;
  let restZero = true;
  for (let i = 1; i < 8; i++) if (bytes[offset + i] !== 0) restZero = false;
  if (restZero && (b0 === 0x2e || b0 === 0x5f || (b0 >= 0x41 && b0 <= 0x5a))) return null;
  let fraction = 0;
  for (let i = 1; i < 8; i++) fraction = fraction * 256 + (bytes[offset + i] as number); // exact: 56 bits of ≤ 53 significant
  const value = fraction * 2 ** (4 * ((b0 & 0x7f) - 64) - 56);
  return (b0 & 0x80) !== 0 ? -value : value;
}

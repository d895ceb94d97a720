/**
 * Sample quantile, R `quantile(type = 2)` = SAS `PCTLDEF=5` (empirical distribution function with
 * averaging at discontinuities); Hyndman & Fan (1996), Am Stat 50:361, definition 2.
 *
 * With the order statistics x₍₁₎ ≤ … ≤ x₍ₙ₎ and n·p = j + g (j whole, 0 ≤ g < 1):
 *   g > 0  →  x₍ⱼ₊₁₎
 *   g = 0  →  (x₍ⱼ₎ + x₍ⱼ₊₁₎) / 2, with x₍₀₎ = x₍₁₎ and x₍ₙ₊₁₎ = x₍ₙ₎ (so p = 0 gives the minimum and
 *             p = 1 the maximum).
 *
 * Whether n·p is whole is decided exactly: p is read as the decimal fraction of its shortest
 * round-trip representation (`String(p)`, the number as the caller wrote it: 0.07 → 7/100) and
 * n·p is compared with BigInt arithmetic. In floating point 100 × 0.07 = 7.000000000000001, and
 * R 4.2.2 (which takes `floor(n * p)` and `n * p > j` on doubles, without fuzz) returns x₍₈₎ for
 * `quantile(1:100, 0.07, type = 2)` where the definition (and SAS) gives (x₍₇₎ + x₍₈₎)/2. For p of
 * the form k/2^m (0.25, 0.5, 0.75) both agree.
 */
export function quantileType2(sortedOrUnsorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType2: p must be in [0, 1], got ${p}`);
  const n = sortedOrUnsorted.length;
  if (n === 0) return null;
  const x = ascending(sortedOrUnsorted);
  const { whole, floor } = wholePartOfProduct(n, p);
  const upper = x[Math.min(floor, n - 1)] as number; // x₍ⱼ₊₁₎, 0-based index j
  if (!whole) return upper;
  const lower = x[Math.max(floor - 1, 0)] as number; // x₍ⱼ₎
  // 0.5·a + 0.5·b is R's (1 − h)·a + h·b with h = 1/2, exact in binary, and cannot overflow.
  return lower === upper ? lower : 0.5 * lower + 0.5 * upper;
}

/** The values in ascending order: the input itself when already sorted, otherwise a sorted copy. */
function ascending(values: ArrayLike<number>): ArrayLike<number> {
  let sorted = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) throw new RangeError('quantileType2: NaN in values');
    if (i > 0 && v < (values[i - 1] as number)) sorted = false;
  }
  return sorted ? values : Array.from(values).sort((a, b) => a - b);
}

/** ⌊n·p⌋ and whether n·p is whole, with p taken as the decimal fraction `String(p)` denotes. */
function wholePartOfProduct(n: number, p: number): { readonly whole: boolean; readonly floor: number } {
  const { numerator, denominator } = decimalFraction(p);
  const product = BigInt(n) * numerator;
  return { whole: product % denominator === 0n, floor: Number(product / denominator) };
}

/** The exact decimal fraction of a finite non-negative number's shortest round-trip representation. */
function decimalFraction(p: number): { readonly numerator: bigint; readonly denominator: bigint } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(p));
  if (!m) throw new RangeError(`quantileType2: cannot read ${p} as a decimal`);
  const fraction = m[2] ?? '';
  const exponent = Number(m[3] ?? '0') - fraction.length;
  const digits = BigInt((m[1] ?? '0') + fraction);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

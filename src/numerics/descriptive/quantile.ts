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
  checkProbability(p);
  return sortedQuantileType2(ascending(sortedOrUnsorted), p);
}

/**
 * `quantileType2` of values already in ascending order, none NaN (not checked): a summary sorts its
 * values once and asks for three quantiles, each of which read the values again to see whether they
 * were sorted.
 */
export function sortedQuantileType2(x: ArrayLike<number>, p: number): number | null {
  checkProbability(p);
  const n = x.length;
  if (n === 0) return null;
  const { whole, floor } = wholePartOfProduct(n, p);
  const upper = x[Math.min(floor, n - 1)] as number; // x₍ⱼ₊₁₎, 0-based index j
  if (!whole) return upper;
  const lower = x[Math.max(floor - 1, 0)] as number; // x₍ⱼ₎
  // 0.5·a + 0.5·b is R's (1 − h)·a + h·b with h = 1/2, exact in binary, and cannot overflow.
  return lower === upper ? lower : 0.5 * lower + 0.5 * upper;
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType2: p must be in [0, 1], got ${p}`);
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

/**
 * ⌊n·p⌋ and whether n·p is whole, with p taken as the decimal fraction `String(p)` denotes. In
 * numbers when n times the numerator is a safe integer (then every step is exact), else in BigInt.
 */
function wholePartOfProduct(n: number, p: number): { readonly whole: boolean; readonly floor: number } {
  const { numerator, denominator, numeratorNumber, denominatorNumber } = decimalFractionOf(p);
  const product = n * numeratorNumber;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(denominatorNumber)) {
    const remainder = product % denominatorNumber;
    return { whole: remainder === 0, floor: (product - remainder) / denominatorNumber };
  }
  const exact = BigInt(n) * numerator;
  return { whole: exact % denominator === 0n, floor: Number(exact / denominator) };
}

interface DecimalFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** The same as numbers (exact while they are safe integers). */
  readonly numeratorNumber: number;
  readonly denominatorNumber: number;
}

/**
 * `decimalFraction` of each p asked for, kept: the summaries ask for 0.25, 0.5 and 0.75 some 10,000
 * times a run, and reading String(p) with a regular expression into BigInts each time was most of a
 * quantile's cost.
 */
const fractions = new Map<number, DecimalFraction>();

function decimalFractionOf(p: number): DecimalFraction {
  let f = fractions.get(p);
  if (f === undefined) {
    f = decimalFraction(p);
    if (fractions.size < 64) fractions.set(p, f);
  }
  return f;
}

/** The exact decimal fraction of a finite non-negative number's shortest round-trip representation. */
function decimalFraction(p: number): DecimalFraction {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(p));
  if (!m) throw new RangeError(`quantileType2: cannot read ${p} as a decimal`);
  const fraction = m[2] ?? '';
  const exponent = Number(m[3] ?? '0') - fraction.length;
  const digits = BigInt((m[1] ?? '0') + fraction);
  const numerator = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits;
  const denominator = exponent >= 0 ? 1n : 10n ** BigInt(-exponent);
  return { numerator, denominator, numeratorNumber: Number(numerator), denominatorNumber: Number(denominator) };
}

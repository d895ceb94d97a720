/**
 * The one module that owns display rounding (SAP synopsis §3). Every number in a table passes here;
 * nothing else rounds for display.
 *
 * Rounding is SAS `ROUND(x, 10^-d)`: half away from zero **on the decimal value** of the number.
 * The decimal value of a double is taken to be its shortest round-trip decimal string (`String(x)`,
 * ECMA-262 Number::toString), i.e. the number as it is written in the ARD. The rounding itself is done
 * on that digit string with BigInt arithmetic, so 1.005 → 1.01 and 2.675 → 2.68 (where
 * `toFixed` gives 1.00 and 2.67 because the nearest doubles lie just below the half), and
 * −2.5 → −3 (where `Math.round` gives −2).
 *
 * Decisions (documented here, tested in test/render/format.test.ts):
 * - `null` (not estimable, ARD empty value) prints `NE`; NaN and ±Infinity are bugs upstream (the ARD
 *   never holds them) and throw.
 * - A value that rounds to zero prints without a sign (−0.001 → `0.00`), as SAS prints ROUND's 0.
 * - Huge and tiny numbers print in positional notation (1e21 → `1000000000000000000000.0`).
 */

/** Shown for a value that cannot be estimated (ARD `value` empty). */
export const NOT_ESTIMABLE = 'NE';

const MAX_DECIMALS = 20;

/** Sign, decimal digits and power of ten of a finite double: |x| = digits × 10^exponent. */
interface DecimalParts {
  readonly negative: boolean;
  readonly digits: bigint;
  readonly exponent: number;
}

const SHORTEST = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function decimalParts(x: number): DecimalParts {
  if (!Number.isFinite(x)) throw new RangeError(`cannot format a non-finite number: ${x}`);
  const m = SHORTEST.exec(String(Math.abs(x)));
  if (!m) throw new Error(`unexpected number string: ${String(x)}`);
  const intPart = m[1] ?? '0';
  const fracPart = m[2] ?? '';
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  return {
    negative: x < 0,
    digits: BigInt(intPart + fracPart),
    exponent: exp - fracPart.length,
  };
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}: ${decimals}`);
  }
}

/** round(digits × 10^shift) half away from zero (digits ≥ 0), exactly. */
function roundScaledHalfAway(digits: bigint, shift: number): bigint {
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  const remainder = digits % divisor;
  return 2n * remainder >= divisor ? quotient + 1n : quotient;
}

/** A non-negative count of 10^-decimals units written with exactly `decimals` decimals. */
function writeFixed(units: bigint, decimals: number, negative: boolean): string {
  return writeFixedDigits(units.toString(), units === 0n, decimals, negative);
}

/** writeFixed for the units' decimal digits (`zero`: the units are 0, which is written without a sign). */
function writeFixedDigits(digits: string, zero: boolean, decimals: number, negative: boolean): string {
  const s = digits.padStart(decimals + 1, '0');
  const body = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return negative && !zero ? `-${body}` : body;
}

/** A safe integer × 10^pow10 with `decimals` zero decimals (what writeFixed writes for it; -0 as 0). */
function writeInteger(x: number, decimals: number, pow10: number): string {
  const int = x === 0 ? '0' : `${x}${'0'.repeat(pow10)}`;
  return decimals === 0 ? int : `${int}.${'0'.repeat(decimals)}`;
}

/**
 * x × 10^pow10 rounded half away from zero to `decimals` decimals, as a fixed-point string. The
 * power-of-ten scaling is a shift of the decimal exponent (exact), so a fraction shown as a percent
 * is rounded on its own decimal value (0.0145 → 1.5 %, not 1.4 from 1.4499999999999997).
 */
export function roundHalfAwayFromZero(x: number, decimals: number, pow10 = 0): string {
  checkDecimals(decimals);
  if (!Number.isInteger(pow10)) throw new RangeError(`pow10 must be an integer: ${pow10}`);
  // Most table numbers are counts: a safe integer needs no rounding, only its zeros written out.
  if (Number.isSafeInteger(x) && pow10 >= 0 && pow10 <= MAX_DECIMALS) return writeInteger(x, decimals, pow10);
  return roundShortDecimal(x, decimals, pow10) ?? roundExactly(x, decimals, pow10);
}

/** Digits of a decimal that a double holds exactly as an integer (< 10^15 < 2^53, +1 included). */
const EXACT_DIGITS = 15;

/**
 * roundHalfAwayFromZero on the digits of `String(|x|)` with number arithmetic, for the usual table value
 * (no exponent, at most EXACT_DIGITS digits kept); undefined otherwise. The digit after the last one kept
 * decides, as the decimal value's remainder is at least a half exactly when that digit is 5 or more.
 * The BigInt path (roundExactly) gives the same strings (a property test compares them); this one makes
 * no BigInt and no regular-expression match for each of a run's ~25,000 table numbers.
 */
function roundShortDecimal(x: number, decimals: number, pow10: number): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  const shortest = String(Math.abs(x));
  const keep = decimals + pow10; // decimals of |x| kept
  if (keep < 0 || shortest.includes('e')) return undefined;
  const dot = shortest.indexOf('.');
  const int = dot < 0 ? shortest : shortest.slice(0, dot);
  const frac = dot < 0 ? '' : shortest.slice(dot + 1);
  if (int.length + keep > EXACT_DIGITS) return undefined;
  let units: number;
  if (frac.length <= keep) units = Number(int + frac) * 10 ** (keep - frac.length);
  else units = Number(int + frac.slice(0, keep)) + (frac.charCodeAt(keep) >= 53 ? 1 : 0); // 53: '5'
  return writeFixedDigits(String(units), units === 0, decimals, x < 0);
}

/** roundHalfAwayFromZero for any finite x, on the exact decimal digits as a BigInt. */
function roundExactly(x: number, decimals: number, pow10: number): string {
  const p = decimalParts(x);
  const units = roundScaledHalfAway(p.digits, p.exponent + pow10 + decimals);
  return writeFixed(units, decimals, p.negative);
}

/** A number with `decimals` decimals (SAS ROUND), `NE` for null. */
export function formatNumber(x: number | null, decimals: number): string {
  return x === null ? NOT_ESTIMABLE : roundHalfAwayFromZero(x, decimals);
}

/** A percentage (already on the 0–100 scale) with one decimal, `NE` for null. */
export function formatPercent(pct: number | null): string {
  return pct === null ? NOT_ESTIMABLE : roundHalfAwayFromZero(pct, 1);
}

/**
 * A fraction (0–1 scale, as ARD `prop` and `diff` rows hold it) shown as a percentage with `decimals`
 * decimals (default 1); the ×100 is a decimal shift, not a floating-point product.
 */
export function formatFractionAsPercent(fraction: number | null, decimals = 1): string {
  return fraction === null ? NOT_ESTIMABLE : roundHalfAwayFromZero(fraction, decimals, 2);
}

function checkCount(name: string, k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${k}`);
}

/**
 * `n (pct)` with pct = 100·n/N to one decimal, computed exactly from the integers
 * (round(1000·n/N) half away from zero), so no floating-point product is involved.
 *
 * Decisions: n = 0 prints `0` alone (a percentage of nothing adds nothing, and N = 0 has none);
 * a non-zero n whose percentage rounds to 0.0 prints `(<0.1)`, and n < N rounding to 100.0 prints
 * `(>99.9)`, so a table never claims none or all when that is not so; n > N is a bug and throws.
 * `null` counts (never expected in the ARD) print `NE`.
 */
export function formatCountPct(n: number | null, bigN: number | null): string {
  if (n === null || bigN === null) return NOT_ESTIMABLE;
  checkCount('n', n);
  checkCount('N', bigN);
  if (n > bigN) throw new RangeError(`n (${n}) exceeds N (${bigN})`);
  if (n === 0) return '0';
  const scaled = BigInt(n) * 1000n;
  const divisor = BigInt(bigN);
  const rounded = scaled / divisor + (2n * (scaled % divisor) >= divisor ? 1n : 0n);
  let pct = writeFixed(rounded, 1, false);
  if (rounded === 0n) pct = '<0.1';
  else if (rounded === 1000n && n < bigN) pct = '>99.9';
  return `${n} (${pct})`;
}

/**
 * A p-value with three decimals; `<0.001` below 0.001 and `>0.999` above 0.999 (judged on the
 * unrounded value, so 0.0009996 is `<0.001`, not `0.001`); `NE` for null. Outside [0, 1] throws.
 */
export function formatP(p: number | null): string {
  if (p === null) return NOT_ESTIMABLE;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value must lie in [0, 1]: ${p}`);
  if (p < 0.001) return '<0.001';
  if (p > 0.999) return '>0.999';
  return roundHalfAwayFromZero(p, 3);
}

/** A ratio (odds, rate or hazard ratio) with two decimals, `NE` for null. */
export function formatRatio(x: number | null): string {
  return formatNumber(x, 2);
}

/** A confidence interval `(lower, upper)`, each bound by `formatBound` (NE where null). */
export function formatCi(
  lower: number | null,
  upper: number | null,
  formatBound: (x: number | null) => string,
): string {
  return `(${formatBound(lower)}, ${formatBound(upper)})`;
}

/** `estimate (lower, upper)`, every part by the same formatter. */
export function formatEstimateCi(
  estimate: number | null,
  lower: number | null,
  upper: number | null,
  formatPart: (x: number | null) => string,
): string {
  return `${formatPart(estimate)} ${formatCi(lower, upper, formatPart)}`;
}

/** The statistics whose display precision the SAP ties to the data's precision d. */
export type PrecisionClass = 'data' | 'location' | 'spread';

/**
 * SAP §3 precision rule: `data` (min, max) d decimals; `location` (mean, median, Q1, Q3, LS means
 * and their differences) d + 1; `spread` (SD, SE) d + 2.
 */
export function decimalsFor(cls: PrecisionClass, d: number): number {
  checkDecimals(d);
  switch (cls) {
    case 'data':
      return d;
    case 'location':
      return d + 1;
    case 'spread':
      return d + 2;
  }
}

/** Decimals in the shortest round-trip string of one finite number (1.50 is "1.5": 1; 1e-7: 7). */
export function decimalsOf(x: number): number {
  const p = decimalParts(x);
  if (p.digits === 0n) return 0;
  let digits = p.digits;
  let exponent = p.exponent;
  while (digits % 10n === 0n) {
    digits /= 10n;
    exponent += 1;
  }
  return Math.max(0, -exponent);
}

/**
 * The data's precision d (SAP §3): the most decimals among the collected values (nulls ignored; 0
 * when there are none). Values are taken as collected: a parameter that should be read at a fixed
 * precision (e.g. PGA in tenths) must be passed as collected, not after arithmetic.
 */
export function dataPrecision(values: Iterable<number | null>): number {
  let d = 0;
  for (const v of values) if (v !== null) d = Math.max(d, decimalsOf(v));
  return d;
}

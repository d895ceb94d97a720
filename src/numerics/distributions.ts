/**
 * Distribution functions used by every method of the numerics layer, from @stdlib (ports of Boost and
 * Cephes, measured within 1e-14 of R here; see ../shared/dependencies.md for why not jstat).
 *
 * Upper tails are computed directly from the complementary special functions (erfc, the upper
 * regularized incomplete beta/gamma), never as 1 − cdf, so small p-values keep their digits.
 */
import betainc from '@stdlib/math-base-special-betainc';
import erfc from '@stdlib/math-base-special-erfc';
import gammainc from '@stdlib/math-base-special-gammainc';
import normalQuantileStd from '@stdlib/stats-base-dists-normal-quantile';
import tQuantileStd from '@stdlib/stats-base-dists-t-quantile';
import chisqQuantileStd from '@stdlib/stats-base-dists-chisquare-quantile';
import fQuantileStd from '@stdlib/stats-base-dists-f-quantile';

/** Φ(z), standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** 1 − Φ(z), computed without cancellation. */
export function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return normalQuantileStd(p, 0, 1);
}

/** Two-sided p-value of a standard normal statistic: 2·(1 − Φ(|z|)). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** P(T > t) for Student's t with df degrees of freedom (df may be fractional, > 0). */
export function tUpper(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return normalUpper(t);
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2)
  const x = df / (df + t * t);
  const twoSided = betainc(x, df / 2, 0.5, true, false);
  return t >= 0 ? twoSided / 2 : 1 - twoSided / 2;
}

/** Two-sided p-value of a t statistic: P(|T| > |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return normalTwoSidedP(t);
  return Math.min(1, betainc(df / (df + t * t), df / 2, 0.5, true, false));
}

/** t quantile with df degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  if (df === Infinity) return normalQuantile(p);
  return tQuantileStd(p, df);
}

/** P(X > x) for χ² with k degrees of freedom. */
export function chiSquareUpper(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, k / 2, true, true);
}

export function chiSquareQuantile(p: number, k: number): number {
  return chisqQuantileStd(p, k);
}

/** P(F > f) for F(d1, d2). */
export function fUpper(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return NaN;
  if (f <= 0) return 1;
  // P(F > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2)
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false);
}

export function fQuantile(p: number, d1: number, d2: number): number {
  return fQuantileStd(p, d1, d2);
}

/** z_{1−α/2}: 1.959963984540054 for α = 0.05. */
export function twoSidedNormalCritical(alpha: number): number {
  return normalQuantile(1 - alpha / 2);
}

import { normalQuantile, normalTwoSidedP } from '../distributions.js';
import type { IntervalEstimate } from './types.js';
import { assertEvents, assertLevel } from './validate.js';

/** The MN interval for p1 − p2 and the score test of p1 = p2 that it inverts. */
export interface MiettinenNurminenResult extends IntervalEstimate {
  /**
   * Two-sided p of the same score at δ = 0: E. Pearson's 'N − 1' chi-square test (ratesci
   * `scoreci(...)$pval`); 1 when p̂1 = p̂2. Null when n1 or n2 is 0.
   */
  readonly p: number | null;
}

/**
 * Miettinen–Nurminen score interval for the risk difference δ = p1 − p2 (Miettinen & Nurminen 1985,
 * Stat Med 4:213), with the variance bias factor N/(N − 1), N = n1 + n2: SAS PROC FREQ
 * `RISKDIFF(CL=MN)`, ratesci `scoreci(contrast = "RD", skew = FALSE, bcf = TRUE)`.
 *
 * The interval is {δ : |S(δ)| ≤ z₁₋α/₂} with
 *   S(δ) = (p̂1 − p̂2 − δ) / √V(δ),   V(δ) = [p̃1(1 − p̃1)/n1 + p̃2(1 − p̃2)/n2] · N/(N − 1),
 * where (p̃1, p̃2 = p̃1 − δ) is the maximum likelihood estimate under p1 − p2 = δ, the root of a cubic
 * solved in closed form (Farrington & Manning 1990, Stat Med 9:1447; SAS PROC FREQ documentation,
 * "Miettinen-Nurminen (Score) Confidence Limits").
 *
 * S decreases in δ, is 0 at δ = p̂1 − p̂2 and tends to +∞ (−∞) at δ = −1 (+1) unless p̂1 − p̂2 is
 * itself −1 (+1), where the bound is ±1. Each bound is found by bisection on the sign of S(δ) ∓ z
 * down to adjacent doubles, which needs no derivative and cannot leave [−1, 1]; zero cells and
 * x = n need no special case. All fields are null when n1 or n2 is 0.
 */
export function miettinenNurminenCi(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level = 0.95,
): MiettinenNurminenResult {
  assertEvents(x1, n1);
  assertEvents(x2, n2);
  assertLevel(level);
  if (n1 === 0 || n2 === 0) return { estimate: null, lower: null, upper: null, level, p: null };
  const score = (delta: number) => mnScore(x1, n1, x2, n2, delta);
  const estimate = x1 / n1 - x2 / n2;
  const z = normalQuantile((1 + level) / 2);
  return {
    estimate,
    lower: estimate <= -1 ? -1 : bisectDecreasing((d) => score(d) - z, -1, estimate),
    upper: estimate >= 1 ? 1 : bisectDecreasing((d) => score(d) + z, estimate, 1),
    level,
    p: normalTwoSidedP(score(0)),
  };
}

/** S(δ); 0 when p̂1 − p̂2 = δ (also when V(δ) = 0 there), ±∞ when only V(δ) = 0. */
function mnScore(x1: number, n1: number, x2: number, n2: number, delta: number): number {
  const diff = x1 / n1 - x2 / n2 - delta;
  if (diff === 0) return 0;
  const [q1, q2] = restrictedMle(x1, n1, x2, n2, delta);
  const bigN = n1 + n2;
  const variance = ((q1 * (1 - q1)) / n1 + (q2 * (1 - q2)) / n2) * (bigN / (bigN - 1));
  return variance > 0 ? diff / Math.sqrt(variance) : diff > 0 ? Infinity : -Infinity;
}

/**
 * MLE of (p1, p2) under p1 − p2 = δ: the root in [0, 1] of the likelihood equation, a cubic in p1
 * (Miettinen & Nurminen 1985, appendix), by the trigonometric formula; the result is clipped to
 * [0, 1] because rounding can put it a few ulps outside when the maximum is on the boundary.
 */
function restrictedMle(x1: number, n1: number, x2: number, n2: number, delta: number): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const theta = n2 / n1;
  const a = 1 + theta;
  const b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
  const c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
  const d = -p1 * delta * (1 + delta);
  const v = b ** 3 / (27 * a ** 3) - (b * c) / (6 * a * a) + d / (2 * a);
  const u = Math.sign(v) * Math.sqrt(Math.max(0, (b * b) / (9 * a * a) - c / (3 * a)));
  const cosArg = u === 0 ? 0 : Math.min(1, Math.max(-1, v / u ** 3));
  const w = (Math.PI + Math.acos(cosArg)) / 3;
  const q1 = clip01(2 * u * Math.cos(w) - b / (3 * a));
  const q2 = clip01(q1 - delta);
  return [clip01(q2 + delta), q2];
}

function clip01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/**
 * Root of a decreasing f on [lo, hi] with f(lo) ≥ 0 ≥ f(hi), by bisection until lo and hi are
 * adjacent doubles (at most ~1100 halvings; about 60 for an interval of width ≤ 2 away from 0).
 */
function bisectDecreasing(f: (x: number) => number, lo: number, hi: number): number {
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return mid;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
}

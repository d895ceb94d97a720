/**
 * Quantiles of a Kaplan–Meier curve and their CI exactly as R's quantile.survfit (survival 3.5,
 * internal findq), which print.survfit and summary.survfit use for the median:
 * on the points (0, 0), (tⱼ, 1 − S(tⱼ)) with repeated values of 1 − S dropped (first time kept), the
 * p-quantile is the first time where 1 − S ≥ p − tol, averaged with the first time where 1 − S ≥ p + tol
 * (tol = √ε): so where S equals 1 − p exactly over an interval the quantile is its midpoint, and where S
 * stays at 1 − p to the end it is the mean of the time S reached it and the last time of the curve. It is
 * null when 1 − S never reaches p (+ tol) ("not reached"). The CI bounds are the same rule applied to the
 * lower and the upper CI curves (the lower bound from the lower curve); points where a CI bound is
 * undefined (S = 0) are skipped. A lower bound can therefore exist while the median does not.
 */
import type { KaplanMeierCurve } from './kaplan-meier.js';

export interface SurvivalQuantile {
  readonly probability: number;
  readonly quantile: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

const TOLERANCE = Math.sqrt(Number.EPSILON);

export function survivalQuantile(curve: KaplanMeierCurve, probability = 0.5): SurvivalQuantile {
  if (!(probability > 0 && probability < 1)) throw new Error('probability must be in (0, 1)');
  const x = [0, ...curve.time];
  const at = (v: readonly (number | null)[]) => [0, ...v.map((s) => (s === null ? NaN : 1 - s))];
  return {
    probability,
    quantile: findQuantile(x, at(curve.survival), probability),
    lower: findQuantile(x, at(curve.lower), probability),
    upper: findQuantile(x, at(curve.upper), probability),
  };
}

/** The median survival time and its CI (quantile.survfit(fit, 0.5)). */
export function survivalMedian(curve: KaplanMeierCurve): SurvivalQuantile {
  return survivalQuantile(curve, 0.5);
}

function findQuantile(xAll: readonly number[], yAll: readonly number[], p: number): number | null {
  const finite = yAll.filter((v) => !Number.isNaN(v));
  if (finite.length === 0 || Math.max(...finite) < p) return null;
  const xmax = xAll[xAll.length - 1]!;
  // R's duplicated(): keep the first occurrence of each value (NaN counts as one value)
  const x: number[] = [];
  const y: number[] = [];
  const seen = new Set<number>();
  yAll.forEach((v, i) => {
    const key = Number.isNaN(v) ? NaN : v;
    if (seen.has(key)) return;
    seen.add(key);
    x.push(xAll[i]!);
    y.push(v);
  });
  const first = (bound: (v: number) => boolean) => y.findIndex((v) => !Number.isNaN(v) && bound(v));
  const i1 = first((v) => v + TOLERANCE >= p);
  const i2 = first((v) => v - TOLERANCE >= p);
  const yn = y[y.length - 1]!;
  if (!Number.isNaN(yn) && Math.abs(p - yn) < TOLERANCE && i1 >= 0) return (x[i1]! + xmax) / 2;
  if (i1 < 0 || i2 < 0) return null;
  return (x[i1]! + x[i2]!) / 2;
}

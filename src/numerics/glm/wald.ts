/**
 * Wald inference on the log scale: z = b / se, two-sided p from the standard normal, and the ratio
 * exp(b) with the CI exp(b ± z_{1−α/2}·se) (z_{0.975} = 1.959963984540054), as R's
 * `exp(confint.default(fit))` — used for odds ratios, rate ratios and hazard ratios alike.
 */
import { normalTwoSidedP, twoSidedNormalCritical } from '../distributions.js';
import type { SquareMatrix } from '../linalg/dense.js';
import type { CoefficientEstimate } from './types.js';

export interface WaldRatio {
  /** exp(b); null when b is not estimable. */
  readonly ratio: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly p: number | null;
  readonly confidenceLevel: number;
}

export function waldRatio(coefficient: CoefficientEstimate, confidenceLevel = 0.95): WaldRatio {
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new Error('confidence level must be in (0, 1)');
  const { estimate: b, se } = coefficient;
  if (b === null || se === null || !Number.isFinite(b) || !(se > 0) || !Number.isFinite(se))
    return { ratio: null, lower: null, upper: null, p: null, confidenceLevel };
  const z = twoSidedNormalCritical(1 - confidenceLevel);
  return {
    ratio: Math.exp(b),
    lower: Math.exp(b - z * se),
    upper: Math.exp(b + z * se),
    p: normalTwoSidedP(b / se),
    confidenceLevel,
  };
}

/** Coefficient records from estimates and their covariance (se = √diag). */
export function waldCoefficients(
  names: readonly string[],
  beta: ArrayLike<number>,
  covariance: SquareMatrix,
): CoefficientEstimate[] {
  return names.map((name, j) => {
    const estimate = beta[j]!;
    const se = Math.sqrt(covariance.data[j * covariance.n + j]!);
    const z = estimate / se;
    return { name, estimate, se, z, p: normalTwoSidedP(z) };
  });
}

export function covarianceRows(covariance: SquareMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < covariance.n; i++)
    out.push(Array.from(covariance.data.subarray(i * covariance.n, (i + 1) * covariance.n)));
  return out;
}

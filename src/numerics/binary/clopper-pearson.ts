import { fQuantile } from '../distributions.js';
import type { IntervalEstimate } from './types.js';
import { assertEvents, assertLevel } from './validate.js';

/**
 * Clopper–Pearson ("exact") interval for one binomial proportion (Clopper & Pearson 1934,
 * Biometrika 26:404), as R's `binom.test`: lower = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0),
 * upper = Beta⁻¹(1 − α/2; x + 1, n − x) (1 when x = n). All fields are null when n = 0.
 */
export function clopperPearsonCi(x: number, n: number, level = 0.95): IntervalEstimate {
  assertEvents(x, n);
  assertLevel(level);
  if (n === 0) return { estimate: null, lower: null, upper: null, level };
  const alpha = 1 - level;
  return {
    estimate: x / n,
    lower: x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
    upper: x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
    level,
  };
}

/** Beta(a, b) quantile through the F quantile: X = aF / (b + aF) with F ~ F(2a, 2b). */
function betaQuantile(p: number, a: number, b: number): number {
  const f = fQuantile(p, 2 * a, 2 * b);
  return (a * f) / (b + a * f);
}

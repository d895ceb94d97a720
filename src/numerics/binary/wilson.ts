import { normalQuantile } from '../distributions.js';
import type { IntervalEstimate } from './types.js';
import { assertEvents, assertLevel } from './validate.js';

/**
 * Wilson score interval for one binomial proportion, without continuity correction (Wilson 1927,
 * JASA 22:209; Newcombe 1998, Stat Med 17:857, method 3). Written as R's `prop.test(x, n,
 * correct = FALSE)` computes it, including its exact 0 lower bound when x = 0 and 1 upper bound
 * when x = n. All fields are null when n = 0.
 */
export function wilsonCi(x: number, n: number, level = 0.95): IntervalEstimate {
  assertEvents(x, n);
  assertLevel(level);
  if (n === 0) return { estimate: null, lower: null, upper: null, level };
  const z = normalQuantile((1 + level) / 2);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  return {
    estimate: p,
    lower: p <= 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n),
    upper: p >= 1 ? 1 : (p + z22n + half) / (1 + 2 * z22n),
    level,
  };
}

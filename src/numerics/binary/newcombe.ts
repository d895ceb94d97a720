import type { IntervalEstimate } from './types.js';
import { assertLevel } from './validate.js';
import { wilsonCi } from './wilson.js';

/**
 * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, Stat Med 17:873, method 10; SAS
 * PROC FREQ `RISKDIFF(CL=NEWCOMBE)`, ratesci `moverci(type = "wilson")`): with the Wilson limits
 * (l1, u1) and (l2, u2) of each arm, without continuity correction,
 *   lower = d − √((p1 − l1)² + (u2 − p2)²),   upper = d + √((u1 − p1)² + (p2 − l2)²),   d = p1 − p2.
 * All fields are null when n1 or n2 is 0.
 */
export function newcombeCi(x1: number, n1: number, x2: number, n2: number, level = 0.95): IntervalEstimate {
  assertLevel(level);
  const w1 = wilsonCi(x1, n1, level);
  const w2 = wilsonCi(x2, n2, level);
  if (w1.estimate === null || w2.estimate === null) return { estimate: null, lower: null, upper: null, level };
  const [p1, l1, u1] = [w1.estimate, w1.lower as number, w1.upper as number];
  const [p2, l2, u2] = [w2.estimate, w2.lower as number, w2.upper as number];
  const d = p1 - p2;
  return {
    estimate: d,
    lower: d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    upper: d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    level,
  };
}

import { normalTwoSidedP } from '../distributions.js';
import { mannWhitneyCounts, mannWhitneyTails } from './mann-whitney-distribution.js';
import { midranks } from './midranks.js';

export interface WilcoxonRankSumResult {
  /** R's W: rank sum of x minus n1(n1 + 1)/2 (the Mann–Whitney U of x); null without values in an arm. */
  readonly statistic: number | null;
  /** Two-sided p; null without values in an arm or when every value is tied (no variance). */
  readonly p: number | null;
  /** Continuity-corrected z of the normal approximation; null for the exact method. */
  readonly z: number | null;
  readonly method: 'normal' | 'exact';
  readonly n1: number;
  readonly n2: number;
  readonly warnings: readonly string[];
}

export interface WilcoxonRankSumOptions {
  /**
   * Exact p from the permutation distribution (no ties only: with ties the normal approximation is
   * used and a warning says so, as R does). Default false: the SAP's normal approximation.
   */
  readonly exact?: boolean;
}

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney) test of x against y, as R `wilcox.test(x, y)`:
 * - normal approximation (default; R `exact = FALSE, correct = TRUE`): mid-ranks for ties,
 *   z = (W − n1n2/2 − sign(W − n1n2/2)/2) / σ, σ² = n1n2/12 · [(N + 1) − Σ(t³ − t)/(N(N − 1))],
 *   p = 2·(1 − Φ(|z|)) (Hollander & Wolfe 1999, §4.1, with Lehmann's tie correction);
 * - exact (`exact: true`, no ties): p = min(1, 2·P(U ≤ W)) when W ≤ n1n2/2, else min(1, 2·P(U ≥ W)),
 *   from the exact null distribution (R's `pwilcox`).
 * Ties are equal doubles: round values (e.g. to 9 decimals, SAP §5.1) before calling.
 */
export function wilcoxonRankSum(
  x: readonly number[],
  y: readonly number[],
  options: WilcoxonRankSumOptions = {},
): WilcoxonRankSumResult {
  for (const v of [...x, ...y]) if (!Number.isFinite(v)) throw new RangeError(`wilcoxonRankSum: non-finite value ${v}`);
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) {
    return { statistic: null, p: null, z: null, method: 'normal', n1, n2, warnings: ['an arm has no values'] };
  }
  const { ranks, tieSizes } = midranks([...x, ...y]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i] as number; // halves and integers: exact
  const statistic = rankSum - (n1 * (n1 + 1)) / 2;
  const hasTies = tieSizes.some((t) => t > 1);
  const warnings: string[] = [];
  if (options.exact === true) {
    if (!hasTies) {
      const tails = mannWhitneyTails(mannWhitneyCounts(n1, n2), statistic);
      const oneSided = statistic > (n1 * n2) / 2 ? tails.upper : tails.lower;
      return { statistic, p: Math.min(1, 2 * oneSided), z: null, method: 'exact', n1, n2, warnings };
    }
    warnings.push('cannot compute an exact p with ties: normal approximation used');
  }
  const bigN = n1 + n2;
  const tieTerm = tieSizes.reduce((s, t) => s + (t * t * t - t), 0);
  const variance = ((n1 * n2) / 12) * (bigN + 1 - tieTerm / (bigN * (bigN - 1)));
  if (!(variance > 0)) {
    warnings.push('all values are tied: no test');
    return { statistic, p: null, z: null, method: 'normal', n1, n2, warnings };
  }
  const centred = statistic - (n1 * n2) / 2;
  const z = (centred - Math.sign(centred) * 0.5) / Math.sqrt(variance);
  return { statistic, p: normalTwoSidedP(z), z, method: 'normal', n1, n2, warnings };
}

import { quantileType2 } from '../descriptive/quantile.js';
import { mannWhitneyCounts } from './mann-whitney-distribution.js';

export interface HodgesLehmannResult {
  /** Median of the n1·n2 differences xᵢ − yⱼ; null without values in an arm. */
  readonly estimate: number | null;
  /** Distribution-free confidence bounds; null where they are not computed (see `hodgesLehmann`). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Requested level; the achieved level of the exact interval is ≥ it, see `achievedLevel`. */
  readonly level: number;
  /** 1 − 2·P(U < k) for the order statistic k used; null without an interval. */
  readonly achievedLevel: number | null;
  readonly warnings: readonly string[];
}

/** Samples up to this size per arm get the exact interval (R's default for an exact test). */
const EXACT_LIMIT = 50;

/**
 * Hodges–Lehmann estimate of the location shift x − y (Hodges & Lehmann 1963, Ann Math Stat
 * 34:598): the median of all pairwise differences, with the distribution-free interval of Moses /
 * Bauer (1972, JASA 67:687) from the order statistics of those differences.
 *
 * Matches R `wilcox.test(x, y, conf.int = TRUE)` in its exact case (no ties, both arms < 50): the
 * estimate is `median(outer(x, y, "-"))` and the bounds are the differences of rank k and
 * n1n2 − k + 1, k = max(1, qwilcox(α/2, n1, n2)). The exact interval is returned only there; with
 * ties or larger arms the bounds are null. There R instead solves the continuity-corrected normal
 * score for the estimate and the bounds with `uniroot`: its estimate then differs slightly from the
 * median of the differences (e.g. −75.0000577 vs −75 in test/fixtures/rank/rank.json), and this
 * function does not reproduce it.
 */
export function hodgesLehmann(x: readonly number[], y: readonly number[], level = 0.95): HodgesLehmannResult {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  for (const v of [...x, ...y]) if (!Number.isFinite(v)) throw new RangeError(`hodgesLehmann: non-finite value ${v}`);
  const none = { lower: null, upper: null, level, achievedLevel: null };
  if (x.length === 0 || y.length === 0) return { estimate: null, ...none, warnings: ['an arm has no values'] };
  const diffs: number[] = [];
  for (const xi of x) for (const yj of y) diffs.push(xi - yj);
  diffs.sort((a, b) => a - b);
  const estimate = quantileType2(diffs, 0.5) as number; // median; type 2 averages the middle pair
  const values = [...x, ...y];
  if (new Set(values).size < values.length) {
    return { estimate, ...none, warnings: ['ties: no exact interval'] };
  }
  if (x.length >= EXACT_LIMIT || y.length >= EXACT_LIMIT) {
    return { estimate, ...none, warnings: ['an arm has 50 or more values: no exact interval'] };
  }
  const m = diffs.length;
  const { k, achievedLevel } = exactRank(x.length, y.length, level);
  return {
    estimate,
    lower: diffs[k - 1] as number,
    upper: diffs[m - k] as number,
    level,
    achievedLevel,
    warnings: achievedLevel < level ? ['the requested level is not achievable with these sample sizes'] : [],
  };
}

/**
 * k = max(1, qwilcox(α/2, n1, n2)): the smallest q with P(U ≤ q) ≥ α/2 (R's qwilcox, with its
 * 10·ε allowance), and the achieved level 1 − 2·P(U ≤ k − 1).
 */
function exactRank(n1: number, n2: number, level: number): { k: number; achievedLevel: number } {
  const counts = mannWhitneyCounts(n1, n2);
  let total = 0;
  for (const c of counts) total += c;
  const target = (1 - level) / 2 - 10 * Number.EPSILON;
  let q = 0;
  let cumulative = (counts[0] as number) / total;
  while (cumulative < target) {
    q++;
    cumulative += (counts[q] as number) / total;
  }
  const k = Math.max(1, q);
  let below = 0;
  for (let u = 0; u < k; u++) below += (counts[u] as number) / total;
  return { k, achievedLevel: 1 - 2 * below };
}

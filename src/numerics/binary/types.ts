/** Result records shared by the binary-endpoint methods. */

/** A point estimate with its two-sided confidence interval; null = not estimable. */
export interface IntervalEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Confidence level of [lower, upper], e.g. 0.95. */
  readonly level: number;
}

/**
 * One 2×2 table, rows = arms, columns = response:
 *   a = arm 1 responders, b = arm 1 non-responders, c = arm 2 responders, d = arm 2 non-responders.
 */
export interface Table2x2 {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

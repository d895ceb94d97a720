/**
 * PROMIS short-form scoring (SAP synopsis §4 "PROs", SAP §5.7): the summed raw score, prorated when
 * some items are unanswered, then the T-score from the form's conversion table (`settings.promisTables`,
 * HealthMeasures summed-score tables, sap/promis/).
 *
 * Prorating follows the HealthMeasures scoring manuals: when at least half of the items are answered,
 * raw = ceiling(sum × items ÷ answered); otherwise the score is missing. The ceiling is taken in
 * integer arithmetic (quotient and remainder of whole numbers), so no floating-point quotient decides
 * whether a raw score is rounded up.
 */

/**
 * The fewest answered items that still give a score: the smallest whole k with k ≥ fraction × items.
 * The product is rounded to 9 decimals first, so that a fraction such as 0.3 (0.3 × 10 =
 * 3.0000000000000004 in floating point) does not push an exact boundary up by one.
 */
export function computeMinimumAnswered(items: number, fraction: number): number {
  if (!Number.isInteger(items) || items < 1) throw new RangeError(`items must be a whole number ≥ 1: ${items}`);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must lie in (0, 1]: ${fraction}`);
  return Math.ceil(Number((fraction * items).toFixed(9)));
}

/** ceiling(a ÷ b) for whole a ≥ 0 and b ≥ 1, exactly. */
function ceilDivide(a: number, b: number): number {
  const remainder = a % b;
  return (a - remainder) / b + (remainder > 0 ? 1 : 0);
}

export interface PromisRawScore {
  /** Raw summed score (prorated when items are missing). */
  readonly raw: number;
  readonly answered: number;
  /** Sum of the answered items. */
  readonly sum: number;
}

/**
 * The raw score of one administration from its item responses (null = unanswered), or null when
 * fewer than `computeMinimumAnswered(items, minFraction)` items are answered. Responses must be
 * whole numbers (the lock's validation guarantees it; anything else is a bug and throws).
 */
export function computePromisRawScore(
  responses: readonly (number | null)[],
  minFraction: number,
): PromisRawScore | null {
  const items = responses.length;
  const answeredValues = responses.filter((r): r is number => r !== null);
  for (const r of answeredValues) {
    if (!Number.isInteger(r)) throw new RangeError(`PROMIS item response ${r} is not a whole number`);
  }
  const answered = answeredValues.length;
  if (answered < computeMinimumAnswered(items, minFraction)) return null;
  const sum = answeredValues.reduce((s, r) => s + r, 0);
  return { raw: ceilDivide(sum * items, answered), answered, sum };
}

/** The T-score of a raw score by the form's conversion table; a raw score missing from it is a bug. */
export function computePromisTScore(
  raw: number,
  table: readonly { readonly raw: number; readonly tscore: number }[],
): number {
  const row = table.find((r) => r.raw === raw);
  if (!row) throw new RangeError(`raw score ${raw} is not in the PROMIS conversion table`);
  return row.tscore;
}

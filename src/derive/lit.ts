/**
 * Lupus Impact Tracker score (SAP synopsis §4 "PROs", SAP §5.7): mean of the answered items × 25
 * (0–100, higher = more impact) when at least 8 of the 10 items are answered, else missing. With all
 * ten items this equals the published scoring sum × 2.5 (Jolly et al., Lupus 2014).
 */

export interface LitScore {
  readonly score: number;
  readonly answered: number;
  readonly sum: number;
}

/**
 * The score of one administration from its item responses (null = unanswered). Computed as
 * (sum × multiplier) ÷ answered: the numerator is an exact whole number, so the result is the correctly
 * rounded quotient (10 answered, sum 23 → 57.5 exactly) rather than a mean rounded twice.
 */
export function computeLitScore(
  responses: readonly (number | null)[],
  minAnswered: number,
  multiplier: number,
): LitScore | null {
  const answeredValues = responses.filter((r): r is number => r !== null);
  const answered = answeredValues.length;
  if (answered < minAnswered || answered === 0) return null;
  const sum = answeredValues.reduce((s, r) => s + r, 0);
  return { score: (sum * multiplier) / answered, answered, sum };
}

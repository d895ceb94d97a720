/**
 * Does the maximum likelihood estimate exist? Decided exactly (a linear-programming feasibility
 * problem, ../linalg/positive-combination.ts) rather than from symptoms of a diverging fit: R's glm
 * reports quasi-complete separation as "converged" with no warning (a coefficient near −19 and an SE
 * near 10⁴), so neither its convergence flag nor its "fitted probabilities numerically 0 or 1"
 * warning is a reliable criterion.
 */
import { positiveNullCombinationExists } from '../linalg/positive-combination.js';
import type { DesignMatrix } from './types.js';

/**
 * Logistic regression: the MLE exists iff the data are not separated, i.e. no d ≠ 0 has
 * (2yᵢ − 1)·xᵢᵀd ≥ 0 for every subject (Albert & Anderson 1984: complete separation when all are > 0,
 * quasi-complete otherwise; the LP formulation of Konis 2007, as detectseparation).
 */
export function logisticMleExists(x: DesignMatrix, y: readonly number[]): boolean {
  return positiveNullCombinationExists(x.map((row, i) => row.map((v) => (y[i] === 1 ? v : -v))));
}

/**
 * Log-linear count models (Poisson, negative binomial with log link): the MLE exists iff no d ≠ 0 has
 * xᵢᵀd ≤ 0 for every zero count and xᵢᵀd = 0 for every positive count (Haberman 1974) — for example a
 * group with no events, whose coefficient tends to −∞.
 */
export function logLinearMleExists(x: DesignMatrix, y: readonly number[]): boolean {
  const vectors: number[][] = [];
  x.forEach((row, i) => {
    vectors.push(row.map((v) => -v));
    if (y[i]! > 0) vectors.push([...row]);
  });
  return positiveNullCombinationExists(vectors);
}

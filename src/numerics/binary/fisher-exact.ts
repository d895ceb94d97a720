import gammaln from '@stdlib/math-base-special-gammaln';
import { assertCount } from './validate.js';

/** R's `fisher.test` tolerance: tables up to 1 + 1e-7 times as probable as the observed one count. */
const RELATIVE_ERROR = 1 + 1e-7;

/**
 * Two-sided Fisher exact test p for the 2×2 table [[a, b], [c, d]], R `fisher.test` definition
 * (Agresti 2013, §3.5.1): the sum of the hypergeometric probabilities, given both margins, of the
 * tables whose probability is ≤ the observed one × (1 + 1e-7). The tolerance makes tables that are
 * exactly as probable as the observed one count even when rounding orders them the other way.
 *
 * The probabilities are formed from log-factorials relative to the most probable table (as R's
 * `dnhyper`: exp(log d − max log d)), so nothing overflows or underflows before the final ratio and a
 * p of 1e-120 keeps its relative precision. A table with an empty margin has one possible table: p = 1.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const [name, v] of [
    ['a', a],
    ['b', b],
    ['c', c],
    ['d', d],
  ] as const)
    assertCount(name, v);
  const col1 = a + c;
  const col2 = b + d;
  const row1 = a + b;
  const lo = Math.max(0, row1 - col2);
  const hi = Math.min(row1, col1);
  // log of the hypergeometric weight C(col1, k)·C(col2, row1 − k), up to a constant.
  const logWeight = (k: number) => logChoose(col1, k) + logChoose(col2, row1 - k);
  const logs: number[] = [];
  for (let k = lo; k <= hi; k++) logs.push(logWeight(k));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const observed = (weights[a - lo] as number) * RELATIVE_ERROR;
  let total = 0;
  let tail = 0;
  // Ascending order adds the small terms first.
  for (const w of [...weights].sort((x, y) => x - y)) {
    total += w;
    if (w <= observed) tail += w;
  }
  return Math.min(1, tail / total);
}

function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

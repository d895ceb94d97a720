/**
 * Compensated summation, Neumaier's variant of Kahan's algorithm (Neumaier 1974, ZAMM 54:39): the
 * error of each addition is carried in a separate term, so the result is as accurate as if the sum
 * were accumulated in twice the working precision, whatever the order of magnitudes.
 */
export function accurateSum(values: ArrayLike<number>): number {
  return accurateSumOf(values.length, (i) => values[i] as number);
}

/**
 * `accurateSum` of the terms `term(0)` … `term(count − 1)`, the same additions in the same order (so
 * the same bits as summing an array of them), without the array.
 */
export function accurateSumOf(count: number, term: (i: number) => number): number {
  let sum = 0;
  let compensation = 0;
  // By index, not `for…of`: called on many short arrays (a subject's daily doses, a group's values),
  // it ran mostly unoptimized, where each step of an iterator allocates a result object.
  for (let i = 0; i < count; i++) {
    const v = term(i);
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

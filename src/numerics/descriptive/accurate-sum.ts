/**
 * Compensated summation, Neumaier's variant of Kahan's algorithm (Neumaier 1974, ZAMM 54:39): the
 * error of each addition is carried in a separate term, so the result is as accurate as if the sum
 * were accumulated in twice the working precision, whatever the order of magnitudes.
 */
export function accurateSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

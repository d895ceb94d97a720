/**
 * Exact null distribution of the Mann–Whitney statistic U (= R's W: the number of pairs (xᵢ, yⱼ)
 * with xᵢ > yⱼ) for samples of m and n values without ties: counts[u] = the number of the C(m+n, m)
 * equally likely arrangements with U = u, from the recurrence on the largest observation
 * (Mann & Whitney 1947, Ann Math Stat 18:50):
 *   f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1),
 * (the largest is an x, exceeding all n y's, or a y). Only additions, so no cancellation; counts above
 * 2^53 are rounded to double precision, which keeps probabilities to ~1e-15 relative. Cost
 * O(m·n·(m·n)) time and O(m·n²) memory: meant for the small samples where an exact p matters.
 */
export function mannWhitneyCounts(m: number, n: number): Float64Array {
  // prev[j] = f(·; i − 1, j) for j = 0…n, built up over i = 0…m.
  let prev: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1)); // i = 0: U ≡ 0
  for (let i = 1; i <= m; i++) {
    const next: Float64Array[] = [Float64Array.of(1)]; // n = 0: U ≡ 0
    for (let j = 1; j <= n; j++) {
      const f = new Float64Array(i * j + 1);
      const yLargest = next[j - 1] as Float64Array; // f(·; i, j − 1), support 0…i(j − 1)
      const xLargest = prev[j] as Float64Array; // f(·; i − 1, j), shifted by j
      f.set(yLargest);
      for (let u = 0; u < xLargest.length; u++) f[u + j] = (f[u + j] as number) + (xLargest[u] as number);
      next.push(f);
    }
    prev = next;
  }
  return prev[n] as Float64Array;
}

/**
 * P(U ≤ q) and P(U ≥ q) from the counts, each summed over its own tail from the far end (small terms
 * first), so a small tail keeps its relative precision.
 */
export function mannWhitneyTails(counts: Float64Array, q: number): { readonly lower: number; readonly upper: number } {
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let u = 0; u < counts.length; u++) {
    const c = counts[u] as number;
    total += c;
    if (u <= q) lower += c;
  }
  for (let u = counts.length - 1; u >= 0; u--) if (u >= q) upper += counts[u] as number;
  return { lower: lower / total, upper: upper / total };
}

/**
 * Step-wise multiplicity adjustments of p-values, as R `p.adjust`: missing p-values (null) pass
 * through as null and are not counted in the number of hypotheses m.
 */

/**
 * Holm's step-down adjustment (Holm 1979, Scand J Stat 6:65), R `p.adjust(method = "holm")`: with
 * the m present p-values in ascending order p₍₁₎ ≤ … ≤ p₍ₘ₎,
 *   p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1) p₍ⱼ₎).
 */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  return adjust(p, 'ascending');
}

/**
 * Hochberg's step-up adjustment (Hochberg 1988, Biometrika 75:800), R `p.adjust(method =
 * "hochberg")`: with the m present p-values in ascending order,
 *   p̃₍ᵢ₎ = min(1, min_{j ≥ i} (m − j + 1) p₍ⱼ₎).
 * One p-value alone is its own adjusted p-value.
 */
export function hochberg(p: readonly (number | null)[]): (number | null)[] {
  return adjust(p, 'descending');
}

/**
 * The running max (Holm: from the smallest p up) or min (Hochberg: from the largest p down) of
 * (m − j + 1)·p₍ⱼ₎. Tied p-values get the same result whichever order they are taken in.
 */
function adjust(p: readonly (number | null)[], walk: 'ascending' | 'descending'): (number | null)[] {
  const present: number[] = [];
  p.forEach((v, i) => {
    if (v === null) return;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${v}`);
    present.push(i);
  });
  const m = present.length;
  const order = present.sort((i, j) => (p[i] as number) - (p[j] as number)); // stable for ties
  const out: (number | null)[] = p.map(() => null);
  let running = walk === 'ascending' ? 0 : Infinity;
  for (let k = 0; k < m; k++) {
    const rank = walk === 'ascending' ? k : m - 1 - k; // 0-based position j − 1 in ascending order
    const index = order[rank] as number;
    const scaled = (m - rank) * (p[index] as number);
    running = walk === 'ascending' ? Math.max(running, scaled) : Math.min(running, scaled);
    out[index] = Math.min(1, running);
  }
  return out;
}

import { chiSquareUpper, normalQuantile } from '../distributions.js';
import type { Table2x2 } from './types.js';
import { assertCount, assertLevel } from './validate.js';

/** Cochran–Mantel–Haenszel test and Mantel–Haenszel common odds ratio over K 2×2 tables. */
export interface CmhResult {
  /** CMH chi-square (1 df) without continuity correction; null when its variance is 0. */
  readonly statistic: number | null;
  readonly df: 1;
  readonly p: number | null;
  /** Mantel–Haenszel common odds ratio (arm 1 vs arm 2); null when it is 0 or infinite. */
  readonly estimate: number | null;
  /** Robins–Breslow–Greenland confidence interval of the common odds ratio, on the log scale. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
  /** Strata that entered (total ≥ 2); a stratum with fewer subjects carries no information. */
  readonly strataUsed: number;
}

/**
 * Cochran–Mantel–Haenszel test for K 2×2 tables (Mantel & Haenszel 1959, JNCI 22:719), as SAS PROC
 * FREQ `CMH` (general association, 1 df) and R `mantelhaen.test(correct = FALSE)`:
 *   Q = (Σₖ (aₖ − E aₖ))² / Σₖ Var aₖ,  E aₖ = r₁ₖ c₁ₖ / tₖ,  Var aₖ = r₁ₖ r₂ₖ c₁ₖ c₂ₖ / (tₖ² (tₖ − 1)),
 * with the Mantel–Haenszel odds ratio ψ = Σ aₖdₖ/tₖ / Σ bₖcₖ/tₖ and the Robins, Breslow & Greenland
 * (1986, Biometrics 42:311) variance of log ψ; CI = ψ·exp(∓z·se).
 *
 * R stops when a stratum has fewer than 2 subjects; here such a stratum is left out: it adds 0 to the
 * deviation and to both odds-ratio sums, and its hypergeometric variance term would divide by 0.
 */
export function cochranMantelHaenszel(strata: readonly Table2x2[], level = 0.95): CmhResult {
  assertLevel(level);
  let deviation = 0;
  let variance = 0;
  let diag = 0; // Σ a d / t
  let offDiag = 0; // Σ b c / t
  // Robins–Breslow–Greenland sums ΣPR, Σ(PS + QR), ΣQS with P = (a + d)/t, Q = (b + c)/t,
  // R = ad/t, S = bc/t.
  let rbgPP = 0;
  let rbgPQ = 0;
  let rbgQQ = 0;
  let used = 0;
  for (const { a, b, c, d } of strata) {
    for (const [name, v] of [
      ['a', a],
      ['b', b],
      ['c', c],
      ['d', d],
    ] as const)
      assertCount(name, v);
    const t = a + b + c + d;
    if (t < 2) continue;
    used++;
    const row1 = a + b;
    const row2 = c + d;
    const col1 = a + c;
    const col2 = b + d;
    deviation += a - (row1 * col1) / t;
    variance += (row1 * row2 * col1 * col2) / (t * t * (t - 1));
    diag += (a * d) / t;
    offDiag += (b * c) / t;
    const t2 = t * t;
    rbgPP += ((a + d) * a * d) / t2;
    rbgPQ += ((a + d) * b * c + (b + c) * a * d) / t2;
    rbgQQ += ((b + c) * b * c) / t2;
  }
  const statistic = variance > 0 ? (deviation * deviation) / variance : null;
  const p = statistic === null ? null : chiSquareUpper(statistic, 1);
  const base = { statistic, df: 1 as const, p, level, strataUsed: used };
  if (!(diag > 0 && offDiag > 0)) return { ...base, estimate: null, lower: null, upper: null };
  const estimate = diag / offDiag;
  const se = Math.sqrt(rbgPP / (2 * diag * diag) + rbgPQ / (2 * diag * offDiag) + rbgQQ / (2 * offDiag * offDiag));
  const z = normalQuantile((1 + level) / 2);
  return { ...base, estimate, lower: estimate * Math.exp(-z * se), upper: estimate * Math.exp(z * se) };
}

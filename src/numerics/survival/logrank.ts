/**
 * Log-rank test of k ≥ 2 groups as R's survdiff(Surv(time, status) ~ group) (rho = 0, no strata;
 * survival 3.5): at each distinct event time, with nₖ at risk and d events in all,
 * Eₖ += d·nₖ/n and Vₖₗ += d(n − d)/(n − 1)·(nₖ/n)(δₖₗ − nₗ/n) (0 when n = 1). Groups with E = 0 are
 * dropped; with m groups left, χ² = (O − E)ᵀ V⁻¹ (O − E) over m − 1 of them, df = m − 1. With fewer than
 * two groups having E > 0 (no event at all, or all in one group with the others empty), the test is not
 * defined: χ² and p are null.
 */
import { chiSquareUpper } from '../distributions.js';
import { cholesky, choleskySolve } from '../linalg/dense.js';
import { checkSurvivalData, orderByTime, type SurvivalData } from './survival-data.js';

export interface LogRankTest {
  /** Group labels in order of first appearance. */
  readonly groups: readonly string[];
  readonly n: readonly number[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly variance: readonly (readonly number[])[];
  readonly chiSquare: number | null;
  readonly df: number;
  readonly p: number | null;
  readonly warnings: string[];
}

export function logRankTest(data: SurvivalData, group: readonly string[]): LogRankTest {
  checkSurvivalData(data, { name: 'group', length: group.length });
  const groups = [...new Set(group)];
  const k = groups.length;
  if (k < 2) throw new Error('log-rank test needs at least two groups');
  const gi = group.map((g) => groups.indexOf(g));
  const order = orderByTime(data.time);
  const nTotal = order.length;
  const atRisk = new Array<number>(k).fill(0);
  gi.forEach((g) => atRisk[g]!++);
  const n = [...atRisk];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const deaths = new Array<number>(k).fill(0);
  const leaving = new Array<number>(k).fill(0);

  for (let a = 0; a < nTotal;) {
    const t = data.time[order[a]!]!;
    deaths.fill(0);
    leaving.fill(0);
    let b = a;
    for (; b < nTotal && data.time[order[b]!] === t; b++) {
      const g = gi[order[b]!]!;
      leaving[g]!++;
      if (data.status[order[b]!] === 1) deaths[g]!++;
    }
    const d = deaths.reduce((s, v) => s + v, 0);
    const nr = nTotal - a;
    if (d > 0) {
      const factor = nr > 1 ? (d * (nr - d)) / (nr - 1) : 0;
      for (let i = 0; i < k; i++) {
        observed[i]! += deaths[i]!;
        expected[i]! += (d * atRisk[i]!) / nr;
        for (let j = 0; j < k; j++)
          variance[i]![j]! += factor * (atRisk[i]! / nr) * ((i === j ? 1 : 0) - atRisk[j]! / nr);
      }
    }
    for (let i = 0; i < k; i++) atRisk[i]! -= leaving[i]!;
    a = b;
  }

  const warnings: string[] = [];
  const kept = expected.flatMap((e, i) => (e > 0 ? [i] : []));
  const df = kept.length - 1;
  const base = { groups, n, observed, expected, variance, df: Math.max(df, 0), warnings };
  if (df < 1) {
    warnings.push('fewer than two groups with expected events: the log-rank test is not defined');
    return { ...base, chiSquare: null, p: null };
  }
  const idx = kept.slice(1);
  const oe = idx.map((i) => observed[i]! - expected[i]!);
  const v = cholesky({ n: idx.length, data: Float64Array.from(idx.flatMap((i) => idx.map((j) => variance[i]![j]!))) });
  if (v === null) {
    warnings.push('the log-rank variance matrix is singular');
    return { ...base, chiSquare: null, p: null };
  }
  const sol = choleskySolve(v, oe);
  const chiSquare = oe.reduce((s, x, i) => s + x * sol[i]!, 0);
  return { ...base, chiSquare, p: chiSquareUpper(chiSquare, df) };
}

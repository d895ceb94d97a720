/**
 * Does a strictly positive combination of the given vectors vanish, Σ λ_k a_k = 0 with every λ_k > 0?
 *
 * Stiemke's theorem of the alternative: exactly one of (i) some d has a_k·d ≥ 0 for every k and
 * a_k·d > 0 for at least one, (ii) such a λ exists. The GLM and Cox layers use (i) as the definition of a
 * recession direction of the log-likelihood — the maximum likelihood estimate does not exist (separation in
 * logistic regression, Albert & Anderson 1984; an all-zero cell in a log-linear model, Haberman 1974; a
 * monotone partial likelihood, Bryson & Johnson 1981) — and decide it with (ii), which is a small
 * linear-programming feasibility problem with one row per model coefficient.
 *
 * Method: λ = 1 + w (λ ≥ 1 is no loss: (ii) is homogeneous), so Σ w_k a_k = −Σ a_k, w ≥ 0; phase 1 of
 * the tableau simplex (artificial slack per row, Bland's rule so degenerate pivots cannot cycle). The
 * vectors are scaled to unit max-norm first (a positive scaling changes neither (i) nor (ii)) and exact
 * duplicates are merged.
 */
export function positiveNullCombinationExists(vectors: readonly (readonly number[])[]): boolean {
  const unique = normalisedDistinct(vectors);
  if (unique.length === 0) return true;
  const p = unique[0]!.length;
  const K = unique.length;
  const width = K + p + 1; // w columns, artificial columns, right-hand side
  const T = new Float64Array(p * width);
  const basis = new Int32Array(p);
  for (let i = 0; i < p; i++) {
    let b = 0;
    for (let k = 0; k < K; k++) b -= unique[k]![i]!;
    const sign = b < 0 ? -1 : 1;
    for (let k = 0; k < K; k++) T[i * width + k] = sign * unique[k]![i]!;
    T[i * width + K + i] = 1;
    T[i * width + K + p] = sign * b;
    basis[i] = K + i;
  }
  // reduced costs of the phase-1 objective Σ artificials, expressed in the non-basic variables
  const cost = new Float64Array(width);
  for (let j = 0; j < K; j++) for (let i = 0; i < p; i++) cost[j]! -= T[i * width + j]!;
  for (let i = 0; i < p; i++) cost[K + p]! -= T[i * width + K + p]!;
  const rhsScale = Math.max(1, ...Array.from({ length: p }, (_, i) => T[i * width + K + p]!));
  const tol = 1e-11;
  const maxPivots = 50 * (K + p) + 1000;
  for (let pivots = 0; pivots < maxPivots; pivots++) {
    let enter = -1;
    for (let j = 0; j < K + p; j++)
      if (cost[j]! < -tol) {
        enter = j;
        break;
      }
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < p; i++) {
      const a = T[i * width + enter]!;
      if (a <= tol) continue;
      const ratio = T[i * width + K + p]! / a;
      if (ratio < best - 1e-14 || (Math.abs(ratio - best) <= 1e-14 && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) break; // unbounded direction cannot occur in phase 1 (objective ≥ 0)
    pivot(T, width, p, leave, enter, cost);
    basis[leave] = enter;
  }
  return -cost[K + p]! <= 1e-9 * rhsScale;
}

function pivot(T: Float64Array, width: number, rows: number, r: number, c: number, cost: Float64Array): void {
  const piv = T[r * width + c]!;
  for (let j = 0; j < width; j++) T[r * width + j]! /= piv;
  for (let i = 0; i < rows; i++) {
    if (i === r) continue;
    const f = T[i * width + c]!;
    if (f === 0) continue;
    for (let j = 0; j < width; j++) T[i * width + j]! -= f * T[r * width + j]!;
  }
  const f = cost[c]!;
  if (f !== 0) for (let j = 0; j < width; j++) cost[j]! -= f * T[r * width + j]!;
}

function normalisedDistinct(vectors: readonly (readonly number[])[]): number[][] {
  const seen = new Map<string, number[]>();
  for (const v of vectors) {
    let m = 0;
    for (const x of v) m = Math.max(m, Math.abs(x));
    if (m === 0) continue; // a zero vector constrains nothing
    const u = v.map((x) => x / m);
    seen.set(u.join(','), u);
  }
  return [...seen.values()];
}

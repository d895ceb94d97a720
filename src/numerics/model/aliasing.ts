/**
 * Aliased (linearly dependent) columns of a design, found as SAS's sweep and R's pivoting QR find them:
 * in column order, a column is aliased when its squared distance from the span of the kept columns
 * before it is ≤ tol times its squared length (sequential Cholesky of X'X scaled to unit diagonal).
 * An all-zero column is aliased. For each aliased column the coefficients c with x_j = X_kept c are
 * returned: they define estimability (L'β is estimable iff L_j = c'L_kept for every aliased j).
 */
export interface AliasResult {
  /** Indices of kept columns, increasing. */
  readonly kept: readonly number[];
  /** For each aliased column, its coefficients on the kept columns (in `kept` order). */
  readonly aliased: readonly { readonly column: number; readonly coefficients: Float64Array }[];
}

/** @param xtx full p × p cross-product X'X, row-major. */
export function findAliasedColumns(xtx: Float64Array, p: number, tol = 1e-9): AliasResult {
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = xtx[j * p + j]! > 0 ? 1 / Math.sqrt(xtx[j * p + j]!) : 0;
  const kept: number[] = [];
  // L holds the Cholesky rows of kept columns against kept columns (k × k, lower).
  const L: Float64Array[] = [];
  const aliased: { column: number; coefficients: Float64Array }[] = [];
  for (let j = 0; j < p; j++) {
    const k = kept.length;
    // b = scaled X_kept' x_j, then forward solve L y = b
    const y = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      const ca = kept[a]!;
      let s = xtx[ca * p + j]! * scale[ca]! * scale[j]!;
      const La = L[a]!;
      for (let b = 0; b < a; b++) s -= La[b]! * y[b]!;
      y[a] = s / La[a]!;
    }
    let d = scale[j]! > 0 ? 1 : 0;
    for (let a = 0; a < k; a++) d -= y[a]! * y[a]!;
    if (scale[j] === 0 || d <= tol) {
      // back-solve L' c = y for the scaled coefficients, then unscale
      const c = new Float64Array(k);
      for (let a = k - 1; a >= 0; a--) {
        let s = y[a]!;
        for (let b = a + 1; b < k; b++) s -= L[b]![a]! * c[b]!;
        c[a] = s / L[a]![a]!;
      }
      for (let a = 0; a < k; a++) c[a] = scale[j] === 0 ? 0 : (c[a]! * scale[kept[a]!]!) / scale[j]!;
      aliased.push({ column: j, coefficients: c });
      continue;
    }
    const row = new Float64Array(k + 1);
    row.set(y);
    row[k] = Math.sqrt(d);
    L.push(row);
    kept.push(j);
  }
  // coefficient vectors were sized when the column was met; pad to the final number of kept columns
  const nk = kept.length;
  return {
    kept,
    aliased: aliased.map(({ column, coefficients }) => {
      const c = new Float64Array(nk);
      c.set(coefficients);
      return { column, coefficients: c };
    }),
  };
}

/**
 * Estimability of L'β under a design whose aliased columns were dropped (SAS's ESTIMATE/LSMEANS check):
 * L over all columns is estimable iff, for every aliased column j with x_j = X_kept c_j,
 * L_j = c_j'L_kept (relative tolerance 1e-8, as SAS's SINGULAR-scale check). Returns L on the kept
 * columns, or null when not estimable.
 */
import type { ModelDesign } from './design.js';

export function estimableContrast(design: ModelDesign, full: Float64Array, tol = 1e-8): Float64Array | null {
  const kept = Float64Array.from(design.kept, (c) => full[c]!);
  let scale = 1;
  for (const v of full) scale = Math.max(scale, Math.abs(v));
  for (const { column, coefficients } of design.aliased) {
    let s = 0;
    for (let k = 0; k < kept.length; k++) s += coefficients[k]! * kept[k]!;
    if (Math.abs(full[column]! - s) > tol * scale) return null;
  }
  return kept;
}

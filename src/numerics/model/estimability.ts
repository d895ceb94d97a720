/**
 * Estimability of L'β under a design whose aliased columns were dropped (SAS's ESTIMATE/LSMEANS check):
 * L over all columns is estimable iff, for every aliased column j with x_j = X_kept c_j,
 * L_j = c_j'L_kept (relative tolerance 1e-8, as SAS's SINGULAR-scale check). Returns L on the kept
 * columns, or null when not estimable.
 */
import type { ModelDesign } from './design.js';

export function estimableContrast(design: ModelDesign, full: Float64Array, tol = 1e-8): Float64Array | null {
  // Plain loops: `Float64Array.from` with a mapping function and `for … of` step an iterator and call a
  // closure per entry (an LS means call makes ~15–60 contrasts, each read here).
  const kept = new Float64Array(design.kept.length);
  for (let k = 0; k < kept.length; k++) kept[k] = full[design.kept[k]!]!;
  let scale = 1;
  for (let c = 0; c < full.length; c++) scale = Math.max(scale, Math.abs(full[c]!));
  for (const { column, coefficients } of design.aliased) {
    let s = 0;
    for (let k = 0; k < kept.length; k++) s += coefficients[k]! * kept[k]!;
    if (Math.abs(full[column]! - s) > tol * scale) return null;
  }
  return kept;
}

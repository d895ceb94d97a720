/**
 * Satterthwaite df of a one-row contrast (Satterthwaite 1946; SAS DDFM=SATTERTHWAITE, R mmrm
 * `h_df_1d_sat`): df = 2(c'Φc)² / (g'Wg), g_k = ∂(c'Φc)/∂θ_k = c'ΦQ_kΦc, W = Cov(θ̂) = 2H⁻¹.
 */
import { contrastSensitivities } from './kenward-roger.js';

export function satterthwaiteDf(
  c: Float64Array,
  phi: Float64Array,
  qMatrices: readonly Float64Array[],
  W: Float64Array,
  p: number,
): number | null {
  const { variance, g } = contrastSensitivities(c, phi, qMatrices, p);
  const q = g.length;
  let s = 0;
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) s += g[a]! * W[a * q + b]! * g[b]!;
  const df = (2 * variance * variance) / s;
  return Number.isFinite(df) && df > 0 ? df : null;
}

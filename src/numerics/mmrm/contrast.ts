/**
 * Inference on one linear combination c'β of a fitted MMRM: SE from Φ_A (Kenward–Roger) or Φ, df by
 * the fit's method, t = est/SE, two-sided p and a (1 − α) confidence interval from Student's t.
 */
import { tQuantile, tTwoSidedP } from '../distributions.js';
import { kenwardRogerDf } from './kenward-roger.js';
import { satterthwaiteDf } from './satterthwaite.js';
import type { MmrmDfMethod, MmrmEstimate, MmrmInferenceState } from './types.js';

export const NOT_ESTIMABLE: MmrmEstimate = {
  estimate: null,
  se: null,
  df: null,
  t: null,
  p: null,
  lower: null,
  upper: null,
};

function quadraticForm(M: Float64Array, c: Float64Array, p: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) {
    if (c[i] === 0) continue;
    let t = 0;
    for (let j = 0; j < p; j++) t += M[i * p + j]! * c[j]!;
    s += c[i]! * t;
  }
  return s;
}

/** The contrast's df by `method` (null when the covariance of θ̂ is not available). */
export function contrastDf(state: MmrmInferenceState, method: MmrmDfMethod, c: Float64Array): number | null {
  if (method === 'residual') return state.residualDf;
  if (!state.thetaCovariance) return null;
  return method === 'kr'
    ? kenwardRogerDf(c, state.phi, state.qMatrices, state.thetaCovariance, state.p)
    : satterthwaiteDf(c, state.phi, state.qMatrices, state.thetaCovariance, state.p);
}

/**
 * `withP` false leaves p null (not computed): a caller that reports no p-value for the contrast saves
 * the incomplete beta function it costs.
 */
export function contrastEstimate(
  state: MmrmInferenceState,
  method: MmrmDfMethod,
  c: Float64Array,
  alpha = 0.05,
  withP = true,
): MmrmEstimate {
  const p = state.p;
  let estimate = 0;
  for (let i = 0; i < p; i++) estimate += c[i]! * state.beta[i]!;
  const V = method === 'kr' ? state.phiAdjusted : state.phi;
  const variance = V ? quadraticForm(V, c, p) : NaN;
  const se = variance >= 0 ? Math.sqrt(variance) : null;
  const df = contrastDf(state, method, c);
  if (se === null || df === null) return { ...NOT_ESTIMABLE, estimate, se };
  const t = se > 0 ? estimate / se : null;
  const crit = tQuantile(1 - alpha / 2, df);
  return {
    estimate,
    se,
    df,
    t,
    p: t === null || !withP ? null : tTwoSidedP(t, df),
    lower: estimate - crit * se,
    upper: estimate + crit * se,
  };
}

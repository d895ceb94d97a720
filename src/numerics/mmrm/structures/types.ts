/**
 * Contract of a within-subject covariance structure: Σ(θ) in SAS's parameters θ with its first and
 * second derivatives (sparse), and the map from the unconstrained optimiser scale φ to θ with its
 * Jacobian and second derivatives, used for the chain rule g_φ = J'g_θ, H_φ = J'H_θJ + Σ_k g_k K_k.
 */
export type CovarianceType = 'us' | 'toeph' | 'toep' | 'ar1h' | 'ar1' | 'csh' | 'cs' | 'adh';

export const COVARIANCE_TYPES: readonly CovarianceType[] = ['us', 'toeph', 'toep', 'ar1h', 'ar1', 'csh', 'cs', 'adh'];

/** A symmetric m × m matrix listed entry by entry: (i, j) and (j, i) both appear when i ≠ j. */
export interface SparseSymmetric {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
}

export interface CovarianceDerivatives {
  /** Σ, m × m row-major. */
  readonly sigma: Float64Array;
  /** ∂Σ/∂θ_k, k = 0..q−1. */
  readonly first: readonly SparseSymmetric[];
  /** Non-zero ∂²Σ/∂θ_k∂θ_l for k ≤ l (empty for structures linear in θ). */
  readonly second: readonly { readonly k: number; readonly l: number; readonly d: SparseSymmetric }[];
}

export interface ParameterMap {
  readonly theta: Float64Array;
  /** J[k·q + a] = ∂θ_k/∂φ_a. */
  readonly jacobian: Float64Array;
  /** K[(k·q + a)·q + b] = ∂²θ_k/∂φ_a∂φ_b. */
  readonly second: Float64Array;
}

export interface CovarianceStructure {
  readonly type: CovarianceType;
  /** Number of visits. */
  readonly m: number;
  /** Number of covariance parameters. */
  readonly q: number;
  /** SAS's names of θ, in SAS's order (`UN(2,1)`, `Var(1)`, `TOEPH(1)`, `Residual`, …). */
  readonly parameterNames: readonly string[];
  /** Σ is linear in θ (then ∂²Σ = 0 and Kenward–Roger has no second-derivative term). */
  readonly linear: boolean;
  sigma(theta: Float64Array): Float64Array;
  derivatives(theta: Float64Array): CovarianceDerivatives;
  /**
   * `reuse`: an earlier map of this structure that the caller reads no more; its Jacobian and second
   * derivatives may be overwritten to become the new map's (never its θ). A structure may ignore it.
   */
  fromPhi(phi: Float64Array, reuse?: ParameterMap): ParameterMap;
  toPhi(theta: Float64Array): Float64Array;
  /**
   * Start θ from per-visit variances and a correlation matrix (m × m, row-major), with correlations
   * cast into the structure.
   */
  start(variances: Float64Array, correlations: Float64Array): Float64Array;
}

/** Drops exact zeros of a dense symmetric m × m matrix. */
export function sparsify(dense: Float64Array, m: number): SparseSymmetric {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const x = dense[i * m + j]!;
      if (x !== 0) {
        r.push(i);
        c.push(j);
        v.push(x);
      }
    }
  return { rows: Int32Array.from(r), cols: Int32Array.from(c), vals: Float64Array.from(v) };
}

/** One-dimensional transform θ = t(φ) with its first two derivatives and inverse. */
export interface ScalarTransform {
  value(phi: number): number;
  d1(phi: number): number;
  d2(phi: number): number;
  inverse(theta: number): number;
}

/** θ = e^φ (variances). */
export const LOG_TRANSFORM: ScalarTransform = {
  value: (p) => Math.exp(p),
  d1: (p) => Math.exp(p),
  d2: (p) => Math.exp(p),
  inverse: (t) => Math.log(t),
};

/** θ = φ/√(1+φ²) ∈ (−1, 1) (correlations; R mmrm's map). */
export const CORRELATION_TRANSFORM: ScalarTransform = {
  value: (p) => p / Math.sqrt(1 + p * p),
  d1: (p) => Math.pow(1 + p * p, -1.5),
  d2: (p) => -3 * p * Math.pow(1 + p * p, -2.5),
  inverse: (t) => t / Math.sqrt(1 - t * t),
};

/** θ = lo + (1 − lo)·logistic(φ) ∈ (lo, 1): compound-symmetry correlation, lo = −1/(m−1). */
export function boundedCorrelationTransform(lo: number): ScalarTransform {
  const s = (p: number): number => 1 / (1 + Math.exp(-p));
  return {
    value: (p) => lo + (1 - lo) * s(p),
    d1: (p) => (1 - lo) * s(p) * (1 - s(p)),
    d2: (p) => (1 - lo) * s(p) * (1 - s(p)) * (1 - 2 * s(p)),
    inverse: (t) => {
      const u = (t - lo) / (1 - lo);
      return Math.log(u / (1 - u));
    },
  };
}

/** Parameter map of independent scalar transforms (diagonal Jacobian). */
export function elementwiseMap(phi: Float64Array, transforms: readonly ScalarTransform[]): ParameterMap {
  const q = phi.length;
  const theta = new Float64Array(q);
  const jacobian = new Float64Array(q * q);
  const second = new Float64Array(q * q * q);
  for (let k = 0; k < q; k++) {
    const t = transforms[k]!;
    theta[k] = t.value(phi[k]!);
    jacobian[k * q + k] = t.d1(phi[k]!);
    second[(k * q + k) * q + k] = t.d2(phi[k]!);
  }
  return { theta, jacobian, second };
}

/** Keeps a start correlation safely inside (lo, hi). */
export function clampCorrelation(r: number, lo = -1, hi = 1): number {
  if (!Number.isFinite(r)) return 0;
  const margin = 0.05 * (hi - lo);
  return Math.min(hi - margin, Math.max(lo + margin, r));
}

export function mean(values: readonly number[]): number {
  const f = values.filter(Number.isFinite);
  return f.length === 0 ? 0 : f.reduce((a, b) => a + b, 0) / f.length;
}

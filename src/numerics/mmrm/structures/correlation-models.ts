/**
 * Correlation functions c_ij(ρ) of the structured covariances, with ∂c_ij/∂ρ_k and ∂²c_ij/∂ρ_k∂ρ_l
 * (i ≠ j; c_ii = 1). Visits are 0-based indices in the covariance order.
 */
export interface CorrelationModel {
  /** Number of correlation parameters. */
  readonly size: number;
  value(i: number, j: number, rho: Float64Array): number;
  d1(i: number, j: number, k: number, rho: Float64Array): number;
  d2(i: number, j: number, k: number, l: number, rho: Float64Array): number;
}

/** Toeplitz: c_ij = ρ_{|i−j|} (SAS TOEPH(1..m−1)). */
export function toeplitzCorrelation(m: number): CorrelationModel {
  return {
    size: m - 1,
    value: (i, j, rho) => rho[Math.abs(i - j) - 1]!,
    d1: (i, j, k) => (Math.abs(i - j) - 1 === k ? 1 : 0),
    d2: () => 0,
  };
}

/** First-order autoregressive: c_ij = ρ^{|i−j|}. */
export function autoregressiveCorrelation(): CorrelationModel {
  return {
    size: 1,
    value: (i, j, rho) => Math.pow(rho[0]!, Math.abs(i - j)),
    d1: (i, j, _k, rho) => {
      const d = Math.abs(i - j);
      return d * Math.pow(rho[0]!, d - 1);
    },
    d2: (i, j, _k, _l, rho) => {
      const d = Math.abs(i - j);
      return d < 2 ? 0 : d * (d - 1) * Math.pow(rho[0]!, d - 2);
    },
  };
}

/** Compound symmetry: c_ij = ρ. */
export function exchangeableCorrelation(): CorrelationModel {
  return { size: 1, value: (_i, _j, rho) => rho[0]!, d1: () => 1, d2: () => 0 };
}

/** First-order antedependence (SAS ANTE(1)): c_ij = Π_{k=min(i,j)}^{max(i,j)−1} ρ_k. */
export function antedependenceCorrelation(m: number): CorrelationModel {
  const product = (lo: number, hi: number, rho: Float64Array, skip: readonly number[]): number => {
    let s = 1;
    for (let k = lo; k < hi; k++) if (!skip.includes(k)) s *= rho[k]!;
    return s;
  };
  return {
    size: m - 1,
    value: (i, j, rho) => product(Math.min(i, j), Math.max(i, j), rho, []),
    d1: (i, j, k, rho) => {
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      return k >= lo && k < hi ? product(lo, hi, rho, [k]) : 0;
    },
    d2: (i, j, k, l, rho) => {
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      return k !== l && k >= lo && k < hi && l >= lo && l < hi ? product(lo, hi, rho, [k, l]) : 0;
    },
  };
}

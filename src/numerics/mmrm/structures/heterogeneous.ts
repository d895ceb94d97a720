/**
 * Heterogeneous structures Σ_ij = √(v_i v_j)·c_ij(ρ) with SAS's parameters θ = (Var(1..m), ρ…):
 * TOEPH, ARH(1), CSH and ANTE(1). Σ is not linear in θ, so the second derivatives are returned (they
 * enter Kenward–Roger's R_kl term, as in SAS DDFM=KR). Optimised on log v and a correlation transform.
 */
import {
  autoregressiveCorrelation,
  antedependenceCorrelation,
  exchangeableCorrelation,
  toeplitzCorrelation,
} from './correlation-models.js';
import type { CorrelationModel } from './correlation-models.js';
import {
  CORRELATION_TRANSFORM,
  LOG_TRANSFORM,
  boundedCorrelationTransform,
  clampCorrelation,
  elementwiseMap,
  mean,
  sparsify,
} from './types.js';
import type { CovarianceDerivatives, CovarianceStructure, CovarianceType, ScalarTransform } from './types.js';

interface HeterogeneousSpec {
  readonly type: CovarianceType;
  readonly correlation: CorrelationModel;
  readonly rhoNames: readonly string[];
  readonly rhoTransform: ScalarTransform;
  /** Start correlations from the empirical correlation matrix. */
  readonly startRho: (r: Float64Array) => number[];
}

function heterogeneousCovariance(m: number, spec: HeterogeneousSpec): CovarianceStructure {
  const { correlation: cm } = spec;
  const nr = cm.size;
  const q = m + nr;
  const names = [...Array.from({ length: m }, (_, i) => `Var(${i + 1})`), ...spec.rhoNames];

  const sigma = (theta: Float64Array): Float64Array => {
    const rho = theta.subarray(m);
    const s = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++)
        s[i * m + j] = i === j ? theta[i]! : Math.sqrt(theta[i]! * theta[j]!) * cm.value(i, j, rho);
    return s;
  };

  const derivatives = (theta: Float64Array): CovarianceDerivatives => {
    const rho = theta.subarray(m);
    const v = theta.subarray(0, m);
    const f = (i: number, j: number): number => Math.sqrt(v[i]! * v[j]!);
    const c = (i: number, j: number): number => (i === j ? 1 : cm.value(i, j, rho));
    const nIdx = (i: number, j: number, a: number): number => (i === a ? 1 : 0) + (j === a ? 1 : 0);
    // ∂f/∂v_a = f n_a/(2 v_a); ∂²f/∂v_a∂v_b = f n_a n_b/(4 v_a v_b) − [a=b] f n_a/(2 v_a²)
    const df = (i: number, j: number, a: number): number => (f(i, j) * nIdx(i, j, a)) / (2 * v[a]!);
    const d2f = (i: number, j: number, a: number, b: number): number =>
      (f(i, j) * nIdx(i, j, a) * nIdx(i, j, b)) / (4 * v[a]! * v[b]!) -
      (a === b ? (f(i, j) * nIdx(i, j, a)) / (2 * v[a]! * v[a]!) : 0);
    const dc = (i: number, j: number, k: number): number => (i === j ? 0 : cm.d1(i, j, k, rho));
    const d2c = (i: number, j: number, k: number, l: number): number => (i === j ? 0 : cm.d2(i, j, k, l, rho));

    const entry = (kind: (i: number, j: number) => number) => {
      const d = new Float64Array(m * m);
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) d[i * m + j] = kind(i, j);
      return sparsify(d, m);
    };
    const first = Array.from({ length: q }, (_, k) =>
      k < m ? entry((i, j) => df(i, j, k) * c(i, j)) : entry((i, j) => f(i, j) * dc(i, j, k - m)),
    );
    const second: { k: number; l: number; d: ReturnType<typeof sparsify> }[] = [];
    for (let k = 0; k < q; k++)
      for (let l = k; l < q; l++) {
        let d;
        if (l < m) d = entry((i, j) => d2f(i, j, k, l) * c(i, j));
        else if (k < m) d = entry((i, j) => df(i, j, k) * dc(i, j, l - m));
        else d = entry((i, j) => f(i, j) * d2c(i, j, k - m, l - m));
        if (d.vals.length > 0) second.push({ k, l, d });
      }
    return { sigma: sigma(theta), first, second };
  };

  const transforms = [
    ...Array.from({ length: m }, () => LOG_TRANSFORM),
    ...Array.from({ length: nr }, () => spec.rhoTransform),
  ];
  return {
    type: spec.type,
    m,
    q,
    parameterNames: names,
    linear: false,
    sigma,
    derivatives,
    fromPhi: (phi) => elementwiseMap(phi, transforms),
    toPhi: (theta) => Float64Array.from(theta, (t, k) => transforms[k]!.inverse(t)),
    start: (v, r) => Float64Array.from([...v, ...spec.startRho(r)]),
  };
}

/** Mean empirical correlation at each lag 1..m−1. */
export function lagCorrelations(r: Float64Array, m: number): number[] {
  return Array.from({ length: m - 1 }, (_, d) => {
    const vals: number[] = [];
    for (let i = d + 1; i < m; i++) vals.push(r[i * m + i - d - 1]!);
    return clampCorrelation(mean(vals));
  });
}

export function toeplitzHeterogeneousCovariance(m: number): CovarianceStructure {
  return heterogeneousCovariance(m, {
    type: 'toeph',
    correlation: toeplitzCorrelation(m),
    rhoNames: Array.from({ length: m - 1 }, (_, k) => `TOEPH(${k + 1})`),
    rhoTransform: CORRELATION_TRANSFORM,
    startRho: (r) => lagCorrelations(r, m),
  });
}

export function autoregressiveHeterogeneousCovariance(m: number): CovarianceStructure {
  return heterogeneousCovariance(m, {
    type: 'ar1h',
    correlation: autoregressiveCorrelation(),
    rhoNames: ['ARH(1)'],
    rhoTransform: CORRELATION_TRANSFORM,
    startRho: (r) => [m > 1 ? lagCorrelations(r, m)[0]! : 0],
  });
}

/** Smallest correlation for which compound symmetry is positive definite. */
export function compoundSymmetryLowerBound(m: number): number {
  return m > 1 ? -1 / (m - 1) : -1;
}

export function offDiagonalMeanCorrelation(r: Float64Array, m: number): number {
  const vals: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) vals.push(r[i * m + j]!);
  return clampCorrelation(mean(vals), compoundSymmetryLowerBound(m), 1);
}

export function compoundSymmetryHeterogeneousCovariance(m: number): CovarianceStructure {
  return heterogeneousCovariance(m, {
    type: 'csh',
    correlation: exchangeableCorrelation(),
    rhoNames: ['CSH'],
    rhoTransform: boundedCorrelationTransform(compoundSymmetryLowerBound(m)),
    startRho: (r) => [offDiagonalMeanCorrelation(r, m)],
  });
}

export function antedependenceCovariance(m: number): CovarianceStructure {
  return heterogeneousCovariance(m, {
    type: 'adh',
    correlation: antedependenceCorrelation(m),
    rhoNames: Array.from({ length: m - 1 }, (_, k) => `Rho(${k + 1})`),
    rhoTransform: CORRELATION_TRANSFORM,
    startRho: (r) => Array.from({ length: m - 1 }, (_, k) => clampCorrelation(r[(k + 1) * m + k]!)),
  });
}

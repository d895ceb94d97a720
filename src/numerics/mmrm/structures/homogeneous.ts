/**
 * Homogeneous-variance structures with SAS's parameters:
 * - AR(1): θ = (ρ, σ²) ("AR(1)", "Residual"), Σ_ij = σ² ρ^{|i−j|} (not linear in θ);
 * - TOEP: θ = (σ_1..σ_{m−1}, σ²) ("TOEP(2..m)", "Residual"), Σ_ij = σ_{|i−j|} (linear);
 * - CS: θ = (σ_cs, σ²) ("CS", "Residual"), Σ = σ_cs·11' + σ²I (linear; σ_cs may be negative).
 * TOEP and CS are optimised on (total variance on the log scale, correlations), which is not an
 * elementwise map, so their Jacobians are written out.
 */
import { autoregressiveCorrelation } from './correlation-models.js';
import { compoundSymmetryLowerBound, lagCorrelations, offDiagonalMeanCorrelation } from './heterogeneous.js';
import {
  CORRELATION_TRANSFORM,
  LOG_TRANSFORM,
  boundedCorrelationTransform,
  elementwiseMap,
  mean,
  sparsify,
} from './types.js';
import type {
  CovarianceDerivatives,
  CovarianceStructure,
  ParameterMap,
  ScalarTransform,
  SparseSymmetric,
} from './types.js';

function denseFrom(m: number, f: (i: number, j: number) => number): Float64Array {
  const d = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) d[i * m + j] = f(i, j);
  return d;
}

export function autoregressiveCovariance(m: number): CovarianceStructure {
  const cm = autoregressiveCorrelation();
  const sigma = (theta: Float64Array): Float64Array =>
    denseFrom(m, (i, j) => theta[1]! * (i === j ? 1 : cm.value(i, j, theta)));
  const derivatives = (theta: Float64Array): CovarianceDerivatives => {
    const rho = theta.subarray(0, 1);
    const s2 = theta[1]!;
    const first = [
      sparsify(
        denseFrom(m, (i, j) => (i === j ? 0 : s2 * cm.d1(i, j, 0, rho))),
        m,
      ),
      sparsify(
        denseFrom(m, (i, j) => (i === j ? 1 : cm.value(i, j, rho))),
        m,
      ),
    ];
    const second: { k: number; l: number; d: SparseSymmetric }[] = [];
    const dRhoRho = sparsify(
      denseFrom(m, (i, j) => (i === j ? 0 : s2 * cm.d2(i, j, 0, 0, rho))),
      m,
    );
    if (dRhoRho.vals.length > 0) second.push({ k: 0, l: 0, d: dRhoRho });
    const dRhoS2 = sparsify(
      denseFrom(m, (i, j) => (i === j ? 0 : cm.d1(i, j, 0, rho))),
      m,
    );
    if (dRhoS2.vals.length > 0) second.push({ k: 0, l: 1, d: dRhoS2 });
    return { sigma: sigma(theta), first, second };
  };
  const transforms = [CORRELATION_TRANSFORM, LOG_TRANSFORM];
  return {
    type: 'ar1',
    m,
    q: 2,
    parameterNames: ['AR(1)', 'Residual'],
    linear: false,
    sigma,
    derivatives,
    fromPhi: (phi) => elementwiseMap(phi, transforms),
    toPhi: (theta) => Float64Array.from(theta, (t, k) => transforms[k]!.inverse(t)),
    start: (v, r) => Float64Array.of(m > 1 ? lagCorrelations(r, m)[0]! : 0, mean([...v])),
  };
}

/**
 * θ_k = τ·t_k(φ_k) for k < q−1 and θ_{q−1} = τ·last, with τ = e^{φ_{q−1}}: the common shape of TOEP
 * (t_k = ρ_k, last = 1) and CS (θ = (τρ, τ(1−ρ))) written as θ_k = τ·h_k(φ without the last element).
 */
function scaledMap(
  phi: Float64Array,
  h: (phi: Float64Array) => { value: number[]; d1: number[][]; d2: number[][][] },
): ParameterMap {
  const q = phi.length;
  const L = q - 1;
  const tau = Math.exp(phi[L]!);
  const { value, d1, d2 } = h(phi.subarray(0, L));
  const theta = new Float64Array(q);
  const jacobian = new Float64Array(q * q);
  const second = new Float64Array(q * q * q);
  for (let k = 0; k < q; k++) {
    theta[k] = tau * value[k]!;
    jacobian[k * q + L] = theta[k]!;
    second[(k * q + L) * q + L] = theta[k]!;
    for (let a = 0; a < L; a++) {
      const g = tau * d1[k]![a]!;
      jacobian[k * q + a] = g;
      second[(k * q + a) * q + L] = g;
      second[(k * q + L) * q + a] = g;
      for (let b = 0; b < L; b++) second[(k * q + a) * q + b] = tau * d2[k]![a]![b]!;
    }
  }
  return { theta, jacobian, second };
}

export function toeplitzCovariance(m: number): CovarianceStructure {
  const q = m;
  const first = Array.from({ length: q }, (_, k) =>
    sparsify(
      denseFrom(m, (i, j) => (k === q - 1 ? (i === j ? 1 : 0) : Math.abs(i - j) === k + 1 ? 1 : 0)),
      m,
    ),
  );
  const sigma = (theta: Float64Array): Float64Array =>
    denseFrom(m, (i, j) => (i === j ? theta[q - 1]! : theta[Math.abs(i - j) - 1]!));
  const t = CORRELATION_TRANSFORM;
  const h = (p: Float64Array) => {
    const L = p.length;
    const value = [...Array.from(p, (x) => t.value(x)), 1];
    const d1 = Array.from({ length: L + 1 }, (_, k) =>
      Array.from({ length: L }, (_, a) => (k === a ? t.d1(p[a]!) : 0)),
    );
    const d2 = Array.from({ length: L + 1 }, (_, k) =>
      Array.from({ length: L }, (_, a) => Array.from({ length: L }, (_, b) => (k === a && a === b ? t.d2(p[a]!) : 0))),
    );
    return { value, d1, d2 };
  };
  return {
    type: 'toep',
    m,
    q,
    parameterNames: [...Array.from({ length: m - 1 }, (_, k) => `TOEP(${k + 2})`), 'Residual'],
    linear: true,
    sigma,
    derivatives: (theta) => ({ sigma: sigma(theta), first, second: [] }),
    fromPhi: (phi) => scaledMap(phi, h),
    toPhi: (theta) => {
      const s2 = theta[q - 1]!;
      return Float64Array.from(theta, (x, k) => (k === q - 1 ? Math.log(s2) : t.inverse(x / s2)));
    },
    start: (v, r) => {
      const s2 = mean([...v]);
      return Float64Array.from([...lagCorrelations(r, m).map((c) => c * s2), s2]);
    },
  };
}

export function compoundSymmetryCovariance(m: number): CovarianceStructure {
  const first = [
    sparsify(
      denseFrom(m, () => 1),
      m,
    ),
    sparsify(
      denseFrom(m, (i, j) => (i === j ? 1 : 0)),
      m,
    ),
  ];
  const sigma = (theta: Float64Array): Float64Array => denseFrom(m, (i, j) => theta[0]! + (i === j ? theta[1]! : 0));
  const t: ScalarTransform = boundedCorrelationTransform(compoundSymmetryLowerBound(m));
  // θ = τ·(ρ, 1 − ρ)
  const h = (p: Float64Array) => ({
    value: [t.value(p[0]!), 1 - t.value(p[0]!)],
    d1: [[t.d1(p[0]!)], [-t.d1(p[0]!)]],
    d2: [[[t.d2(p[0]!)]], [[-t.d2(p[0]!)]]],
  });
  return {
    type: 'cs',
    m,
    q: 2,
    parameterNames: ['CS', 'Residual'],
    linear: true,
    sigma,
    derivatives: (theta) => ({ sigma: sigma(theta), first, second: [] }),
    fromPhi: (phi) => scaledMap(phi, h),
    toPhi: (theta) => {
      const tau = theta[0]! + theta[1]!;
      return Float64Array.of(t.inverse(theta[0]! / tau), Math.log(tau));
    },
    start: (v, r) => {
      const tau = mean([...v]);
      const rho = offDiagonalMeanCorrelation(r, m);
      return Float64Array.of(tau * rho, tau * (1 - rho));
    },
  };
}

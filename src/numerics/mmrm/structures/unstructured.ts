/**
 * Unstructured covariance (SAS TYPE=UN): θ = the covariance elements σ_ij, j ≤ i, row by row
 * (UN(1,1), UN(2,1), UN(2,2), UN(3,1), …), in which Σ is linear. Optimised on the log-Cholesky scale
 * (Pinheiro & Bates 1996): Σ = LL', L lower triangular with L_ii = e^{φ_ii}, so every φ gives a
 * positive-definite Σ.
 */
import { cholesky } from '../../linalg/dense.js';
import { squareMatrix } from '../../linalg/dense.js';
import type { CovarianceDerivatives, CovarianceStructure, ParameterMap, SparseSymmetric } from './types.js';

const tri = (i: number, j: number): number => (i * (i + 1)) / 2 + j;

export function unstructuredCovariance(m: number): CovarianceStructure {
  const q = (m * (m + 1)) / 2;
  const names: string[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      names.push(`UN(${i + 1},${j + 1})`);
      pairs.push([i, j]);
    }
  const first: SparseSymmetric[] = pairs.map(([i, j]) =>
    i === j
      ? { rows: Int32Array.of(i), cols: Int32Array.of(i), vals: Float64Array.of(1) }
      : { rows: Int32Array.of(i, j), cols: Int32Array.of(j, i), vals: Float64Array.of(1, 1) },
  );

  const sigma = (theta: Float64Array): Float64Array => {
    const s = new Float64Array(m * m);
    pairs.forEach(([i, j], k) => {
      s[i * m + j] = theta[k]!;
      s[j * m + i] = theta[k]!;
    });
    return s;
  };

  const derivatives = (theta: Float64Array): CovarianceDerivatives => ({ sigma: sigma(theta), first, second: [] });

  const fromPhi = (phi: Float64Array, reuse?: ParameterMap): ParameterMap => {
    const L = new Float64Array(m * m);
    pairs.forEach(([a, b], k) => (L[a * m + b] = a === b ? Math.exp(phi[k]!) : phi[k]!));
    const theta = new Float64Array(q);
    // The q³ second derivatives (373 KB for 8 visits) in the arrays of a map the caller is done with,
    // zeroed, when it offers one: fresh memory each Newton step was pages for the kernel to map.
    const jacobian = reuse?.jacobian.length === q * q ? reuse.jacobian.fill(0) : new Float64Array(q * q);
    const second = reuse?.second.length === q * q * q ? reuse.second.fill(0) : new Float64Array(q * q * q);
    // dL_ab/dφ_ab (= d²L_ab/dφ_ab²): L_aa on the diagonal, 1 (and 0) off it
    const g1 = (a: number, b: number): number => (a === b ? L[a * m + a]! : 1);
    const g2 = (a: number, b: number): number => (a === b ? L[a * m + a]! : 0);
    pairs.forEach(([i, j], k) => {
      let s = 0;
      for (let r = 0; r <= j; r++) s += L[i * m + r]! * L[j * m + r]!;
      theta[k] = s;
      // ∂Σ_ij/∂L_ab = [a=i] L_jb + [a=j] L_ib, for b ≤ j
      for (let b = 0; b <= j; b++) {
        const aList = i === j ? [i] : [i, j];
        for (const a of aList) {
          if (b > a) continue;
          const dL = i === j ? 2 * L[i * m + b]! : a === i ? L[j * m + b]! : L[i * m + b]!;
          const c = tri(a, b);
          jacobian[k * q + c] = dL * g1(a, b);
          second[(k * q + c) * q + c]! += dL * g2(a, b);
        }
      }
      // ∂²Σ_ij/∂L_ab∂L_cd = [b=d ≤ j]([a=i][c=j] + [c=i][a=j])
      for (let b = 0; b <= j; b++) {
        const ab = [tri(i, b), tri(j, b)];
        const v = g1(i, b) * g1(j, b);
        if (i === j) second[(k * q + ab[0]!) * q + ab[0]!]! += 2 * v;
        else {
          second[(k * q + ab[0]!) * q + ab[1]!]! += v;
          second[(k * q + ab[1]!) * q + ab[0]!]! += v;
        }
      }
    });
    return { theta, jacobian, second };
  };

  const toPhi = (theta: Float64Array): Float64Array => {
    const L = cholesky(squareMatrix(m, sigma(theta)));
    if (!L) throw new Error('unstructured: start covariance is not positive definite');
    return Float64Array.from(pairs, ([a, b]) => (a === b ? Math.log(L.data[a * m + a]!) : L.data[a * m + b]!));
  };

  const start = (v: Float64Array, r: Float64Array): Float64Array =>
    Float64Array.from(pairs, ([i, j]) => (i === j ? v[i]! : r[i * m + j]! * Math.sqrt(v[i]! * v[j]!)));

  return { type: 'us', m, q, parameterNames: names, linear: true, sigma, derivatives, fromPhi, toPhi, start };
}

// Shared finite-difference checks of a covariance structure's analytic derivatives (test helper).
import { expect } from 'vitest';
import type { CovarianceStructure, SparseSymmetric } from '../../../../src/numerics/mmrm/structures/types.js';

export function toDense(s: SparseSymmetric, m: number): Float64Array {
  const d = new Float64Array(m * m);
  for (let e = 0; e < s.vals.length; e++) d[s.rows[e]! * m + s.cols[e]!]! += s.vals[e]!;
  return d;
}

function central(f: (x: Float64Array) => Float64Array, x: Float64Array, k: number, h: number): Float64Array {
  const xp = Float64Array.from(x);
  const xm = Float64Array.from(x);
  xp[k]! += h;
  xm[k]! -= h;
  const a = f(xp);
  const b = f(xm);
  return a.map((v, i) => (v - b[i]!) / (2 * h));
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(b[i]!)));
}

/** Σ'(θ), Σ''(θ), J(φ), K(φ) against central differences (h = 1e-5; agreement to 1e-6 relative). */
export function checkStructureDerivatives(s: CovarianceStructure, phi: Float64Array): void {
  const { m, q } = s;
  const map = s.fromPhi(phi);
  const theta = map.theta;
  // φ → θ → φ round trip
  expectClose(s.toPhi(theta), phi, 1e-9);
  // Jacobian and second derivatives of the parameter map
  for (let a = 0; a < q; a++) {
    const dTheta = central((p) => s.fromPhi(p).theta, phi, a, 1e-5);
    expectClose(
      Array.from({ length: q }, (_, k) => map.jacobian[k * q + a]!),
      dTheta,
      1e-6,
    );
    const dJ = central((p) => s.fromPhi(p).jacobian, phi, a, 1e-5);
    for (let k = 0; k < q; k++)
      expectClose(
        Array.from({ length: q }, (_, b) => map.second[(k * q + b) * q + a]!),
        Array.from({ length: q }, (_, b) => dJ[k * q + b]!),
        1e-6,
      );
  }
  // Σ(θ) derivatives
  const der = s.derivatives(theta);
  expectClose(der.sigma, s.sigma(theta), 0);
  for (let k = 0; k < q; k++) {
    expectClose(
      toDense(der.first[k]!, m),
      central((t) => s.sigma(t), theta, k, 1e-6),
      1e-6,
    );
    const dFirst = Array.from({ length: q }, (_, l) =>
      central((t) => toDense(s.derivatives(t).first[l]!, m), theta, k, 1e-6),
    );
    for (let l = 0; l < q; l++) {
      const entry = der.second.find((e) => (e.k === k && e.l === l) || (e.k === l && e.l === k));
      const analytic = entry ? toDense(entry.d, m) : new Float64Array(m * m);
      expectClose(analytic, dFirst[l]!, 1e-5);
    }
  }
  if (s.linear) expect(der.second).toHaveLength(0);
}

import { describe, expect, it } from 'vitest';
import { chainToPhi, lastParameterMap, optimizeLikelihood } from '../../../src/numerics/mmrm/optimize.js';
import { evaluateLikelihood } from '../../../src/numerics/mmrm/likelihood.js';
import { createCovarianceStructure } from '../../../src/numerics/mmrm/structures/index.js';
import { smallProblem } from './setup.js';

describe('optimizeLikelihood', () => {
  const data = smallProblem();
  it('reaches a stationary point from a poor start (identity Σ) with quadratic end game', () => {
    const s = createCovarianceStructure('us', 4);
    const phi0 = s.toPhi(Float64Array.of(1, 0, 1, 0, 0, 1, 0, 0, 0, 1));
    const r = optimizeLikelihood(data, s, phi0, { reml: true })!;
    expect(r.converged).toBe(true);
    expect(r.relativeDecrement).toBeLessThan(1e-12);
    // gradient in θ at the optimum: |g_k|·|θ_k| tiny relative to −2ℓ
    r.evaluation.gradient!.forEach((g, k) => expect(Math.abs(g * r.theta[k]!)).toBeLessThan(1e-6));
  });
  it('the result keeps its Q_k and ΦQ_k while later fits reuse the blocks of the evaluations passed over', () => {
    const s = createCovarianceStructure('us', 4);
    const start = () => s.toPhi(Float64Array.of(1, 0, 1, 0, 0, 1, 0, 0, 0, 1));
    const first = optimizeLikelihood(data, s, start(), { reml: true })!;
    expect(first.iterations).toBeGreaterThan(1);
    const q = first.evaluation.q!.map((Qk) => Array.from(Qk));
    const phiQ = first.evaluation.phiQ!.map((M) => Array.from(M));
    // the same evaluation made afresh: the optimiser's last evaluation is the one at its θ
    const fresh = evaluateLikelihood(data, s, first.theta, { reml: true, order: 2 })!;
    fresh.q!.forEach((Qk, k) => expect(Array.from(Qk)).toEqual(q[k]));
    const second = optimizeLikelihood(data, s, start(), { reml: true })!;
    expect(second.evaluation.q![0]!.buffer).not.toBe(first.evaluation.q![0]!.buffer);
    first.evaluation.q!.forEach((Qk, k) => expect(Array.from(Qk)).toEqual(q[k]));
    first.evaluation.phiQ!.forEach((M, k) => expect(Array.from(M)).toEqual(phiQ[k]));
    expect(Array.from(second.theta)).toEqual(Array.from(first.theta));
  });
  it('chainToPhi is the derivative of the objective on the φ scale (central differences, 1e-5 rel)', () => {
    const s = createCovarianceStructure('ar1h', 4);
    const phi = Float64Array.of(3.2, 3.5, 3.1, 4, 0.3);
    const ev = evaluateLikelihood(data, s, s.fromPhi(phi).theta, { reml: true, order: 2 })!;
    const { gradient, hessian } = chainToPhi(s, phi, ev.gradient!, ev.hessian!);
    const f = (x: Float64Array) => evaluateLikelihood(data, s, s.fromPhi(x).theta, { reml: true, order: 2 })!;
    for (let a = 0; a < 5; a++) {
      const up = Float64Array.from(phi);
      const dn = Float64Array.from(phi);
      up[a]! += 1e-5;
      dn[a]! -= 1e-5;
      const fu = f(up);
      const fd = f(dn);
      const g = (fu.objective - fd.objective) / 2e-5;
      expect(Math.abs(gradient[a]! - g)).toBeLessThan(1e-5 * (1 + Math.abs(g)));
      const gu = chainToPhi(s, up, fu.gradient!, fu.hessian!).gradient;
      const gd = chainToPhi(s, dn, fd.gradient!, fd.hessian!).gradient;
      for (let b = 0; b < 5; b++) {
        const h = (gu[b]! - gd[b]!) / 2e-5;
        expect(Math.abs(hessian[a * 5 + b]! - h)).toBeLessThan(1e-5 * (1 + Math.abs(h)));
      }
    }
  });
  it('reports non-convergence when the iteration limit is hit', () => {
    const s = createCovarianceStructure('us', 4);
    const r = optimizeLikelihood(data, s, s.toPhi(Float64Array.of(1, 0, 1, 0, 0, 1, 0, 0, 0, 1)), {
      reml: true,
      maxIterations: 1,
    })!;
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/iteration limit/);
  });
});

describe('lastParameterMap', () => {
  it('answers fromPhi, recomputing only when φ changes (by value)', () => {
    const s = createCovarianceStructure('us', 4);
    let calls = 0;
    const counted = { ...s, fromPhi: (phi: Float64Array) => (calls++, s.fromPhi(phi)) };
    const mapOf = lastParameterMap(counted);
    const phi = s.toPhi(Float64Array.of(30, 10, 25, 5, 8, 40, 3, 6, 12, 60));
    const first = mapOf(phi);
    expect(first).toEqual(s.fromPhi(phi));
    expect(mapOf(Float64Array.from(phi))).toBe(first);
    expect(calls).toBe(1);
    const moved = phi.map((v, k) => (k === 0 ? v + 1e-9 : v));
    expect(mapOf(moved)).toEqual(s.fromPhi(moved));
    expect(calls).toBe(2);
  });
});

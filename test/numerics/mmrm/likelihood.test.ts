// evaluateLikelihood: objective against a brute-force dense computation (ml-matrix, independent of
// the per-pattern algebra) and gradient/Hessian against central differences.
import { Matrix, determinant, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { completeLikelihood, evaluateLikelihood, likelihoodBase } from '../../../src/numerics/mmrm/likelihood.js';
import { createCovarianceStructure } from '../../../src/numerics/mmrm/structures/index.js';
import type { CovarianceType } from '../../../src/numerics/mmrm/structures/types.js';
import { smallProblem } from './setup.js';

const data = smallProblem();
const thetaFor: Record<string, Float64Array> = {
  us: Float64Array.of(30, 10, 25, 5, 8, 40, 3, 6, 12, 60),
  ar1h: Float64Array.of(30, 25, 40, 60, 0.4),
  adh: Float64Array.of(30, 25, 40, 60, 0.4, 0.2, 0.5),
};

function bruteForce(type: CovarianceType, theta: Float64Array, reml: boolean): number {
  const s = createCovarianceStructure(type, 4);
  const sigma = s.sigma(theta);
  const { design, nObs, p, patterns } = data;
  const V = Matrix.zeros(nObs, nObs);
  for (const pat of patterns) {
    const mp = pat.visits.length;
    for (let i = 0; i < pat.nSubjects; i++)
      for (let a = 0; a < mp; a++)
        for (let b = 0; b < mp; b++)
          V.set(pat.obs[i * mp + a]!, pat.obs[i * mp + b]!, sigma[pat.visits[a]! * 4 + pat.visits[b]!]!);
  }
  const X = Matrix.zeros(nObs, p);
  for (let o = 0; o < nObs; o++)
    for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) X.set(o, design.colIdx[e]!, design.values[e]!);
  const y = Matrix.columnVector(Array.from(design.y));
  const Vi = inverse(V);
  const XtViX = X.transpose().mmul(Vi).mmul(X);
  const beta = inverse(XtViX).mmul(X.transpose().mmul(Vi).mmul(y));
  const r = y.clone().sub(X.mmul(beta));
  const quad = r.transpose().mmul(Vi).mmul(r).get(0, 0);
  return (
    (reml ? nObs - p : nObs) * Math.log(2 * Math.PI) +
    Math.log(determinant(V)) +
    (reml ? Math.log(determinant(XtViX)) : 0) +
    quad
  );
}

describe('evaluateLikelihood', () => {
  for (const type of ['us', 'ar1h', 'adh'] as const)
    for (const reml of [true, false])
      it(`${type}, ${reml ? 'REML' : 'ML'}: objective as the dense formula (1e-9 rel), derivatives as central differences (1e-5 rel)`, () => {
        const s = createCovarianceStructure(type, 4);
        const theta = thetaFor[type]!;
        const ev = evaluateLikelihood(data, s, theta, { reml, order: 2 })!;
        const dense = bruteForce(type, theta, reml);
        expect(Math.abs(ev.objective - dense)).toBeLessThan(1e-9 * Math.abs(dense));
        const q = s.q;
        for (let k = 0; k < q; k++) {
          const h = 1e-5 * Math.max(1, Math.abs(theta[k]!));
          const up = Float64Array.from(theta);
          const dn = Float64Array.from(theta);
          up[k]! += h;
          dn[k]! -= h;
          const eu = evaluateLikelihood(data, s, up, { reml, order: 1 })!;
          const ed = evaluateLikelihood(data, s, dn, { reml, order: 1 })!;
          const g = (eu.objective - ed.objective) / (2 * h);
          expect(Math.abs(ev.gradient![k]! - g)).toBeLessThan(1e-5 * (1 + Math.abs(g)));
          for (let l = 0; l < q; l++) {
            const hkl = (eu.gradient![l]! - ed.gradient![l]!) / (2 * h);
            expect(Math.abs(ev.hessian![k * q + l]! - hkl)).toBeLessThan(1e-5 * (1 + Math.abs(hkl)));
          }
        }
      });
  it('gives every order the same fields in one order, each from its evaluation (none dropped)', () => {
    const s = createCovarianceStructure('us', 4);
    const theta = thetaFor.us!;
    const fields = ['objective', 'beta', 'xtvxInverse', 'factors', 'derivatives', 'gradient', 'hessian', 'q', 'phiQ'];
    const base = likelihoodBase(data, theta, s.sigma(theta), true)!;
    for (const order of [0, 1, 2] as const) {
      const ev = evaluateLikelihood(data, s, theta, { reml: true, order })!;
      expect(Object.keys(ev)).toEqual(fields);
      expect(ev.objective).toBe(base.objective);
      expect(ev.beta).toEqual(base.beta);
      expect(ev.xtvxInverse).toEqual(base.xtvxInverse);
      expect(ev.factors).toHaveLength(base.factors.length);
      expect(ev.derivatives === null).toBe(order === 0);
      expect(ev.gradient === null).toBe(order === 0);
      for (const key of ['hessian', 'q', 'phiQ'] as const) expect(ev[key] === null).toBe(order < 2);
    }
    const ev = evaluateLikelihood(data, s, theta, { reml: true, order: 2 })!;
    expect(ev.gradient).toHaveLength(s.q);
    expect(ev.hessian).toHaveLength(s.q * s.q);
    expect(ev.q).toHaveLength(s.q);
    expect(ev.phiQ).toHaveLength(s.q);
  });
  it('returns null when Σ is not positive definite', () => {
    const s = createCovarianceStructure('us', 4);
    expect(
      evaluateLikelihood(data, s, Float64Array.of(1, 5, 1, 0, 0, 1, 0, 0, 0, 1), { reml: true, order: 0 }),
    ).toBeNull();
  });
});

describe('completeLikelihood', () => {
  for (const type of ['us', 'ar1h', 'adh'] as const)
    for (const order of [0, 1, 2] as const)
      it(`${type}, order ${order}: from an order-0 base, the very numbers of evaluateLikelihood (bit for bit)`, () => {
        const s = createCovarianceStructure(type, 4);
        const theta = thetaFor[type]!;
        const base = likelihoodBase(data, theta, s.sigma(theta), true)!;
        const done = completeLikelihood(data, s, base, order);
        // a structure whose derivatives compute Σ otherwise gives null (the caller evaluates afresh)
        if (done === null) expect(s.derivatives(theta).sigma).not.toEqual(base.sigma);
        else expect(done).toEqual(evaluateLikelihood(data, s, theta, { reml: true, order }));
      });
  it('refuses a base made with another Σ than the structure gives at its θ', () => {
    const s = createCovarianceStructure('us', 4);
    const theta = thetaFor['us']!;
    const sigma = s.sigma(theta).map((v, k) => (k === 0 ? v * 1.5 : v));
    const base = likelihoodBase(data, theta, sigma, true)!;
    expect(completeLikelihood(data, s, base, 2)).toBeNull();
    expect(completeLikelihood(data, s, base, 0)).not.toBeNull();
  });
});

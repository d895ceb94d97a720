import { describe, expect, it } from 'vitest';
import {
  accumulateGram,
  gramContract,
  multiply,
  restrictSparse,
  sandwichSparse,
} from '../../../src/numerics/mmrm/pattern-algebra.js';
import { smallProblem } from './setup.js';

describe('pattern algebra', () => {
  const data = smallProblem();
  const pat = data.patterns.find((p) => p.visits.length === 4)!;
  const { p, design } = data;
  const X = (i: number): number[][] =>
    Array.from({ length: 4 }, (_, a) => {
      const row = new Array<number>(p).fill(0);
      const o = pat.obs[i * 4 + a]!;
      for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) row[design.colIdx[e]!] = design.values[e]!;
      return row;
    });
  const M = Float64Array.of(2, 0.5, 0, 0.1, 0.5, 3, 0.2, 0, 0, 0.2, 1, 0.3, 0.1, 0, 0.3, 4);
  it("accumulateGram = Σ_i X_i'M X_i (brute force, 1e-10 rel)", () => {
    const out = new Float64Array(p * p);
    accumulateGram(out, p, pat, M);
    const ref = new Float64Array(p * p);
    for (let i = 0; i < pat.nSubjects; i++) {
      const Xi = X(i);
      for (let a = 0; a < 4; a++)
        for (let b = 0; b < 4; b++)
          for (let r = 0; r < p; r++)
            for (let c = 0; c < p; c++) ref[r * p + c]! += Xi[a]![r]! * M[a * 4 + b]! * Xi[b]![c]!;
    }
    ref.forEach((v, k) => expect(Math.abs(out[k]! - v)).toBeLessThan(1e-10 * (1 + Math.abs(v))));
  });
  it("gramContract = Σ_i X_i B X_i' (brute force, 1e-10 rel)", () => {
    const B = Float64Array.from({ length: p * p }, (_, k) => Math.cos(k) + (k % (p + 1) === 0 ? p : 0));
    const tau = gramContract(pat, B, p);
    const ref = new Float64Array(16);
    for (let i = 0; i < pat.nSubjects; i++) {
      const Xi = X(i);
      for (let a = 0; a < 4; a++)
        for (let b = 0; b < 4; b++)
          for (let r = 0; r < p; r++)
            for (let c = 0; c < p; c++) ref[a * 4 + b]! += Xi[a]![r]! * B[r * p + c]! * Xi[b]![c]!;
    }
    // τ is symmetrised from the upper triangle, so compare with the symmetric part of the brute force
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) {
        const v = a <= b ? ref[a * 4 + b]! : ref[b * 4 + a]!;
        expect(Math.abs(tau[a * 4 + b]! - v)).toBeLessThan(1e-10 * (1 + Math.abs(v)));
      }
  });
  it('sandwichSparse and restrictSparse agree with dense products', () => {
    const D = { rows: Int32Array.of(0, 2, 1), cols: Int32Array.of(2, 0, 1), vals: Float64Array.of(1, 1, 2) };
    const dense = new Float64Array(16);
    dense[2] = 1;
    dense[8] = 1;
    dense[5] = 2;
    const ref = multiply(multiply(M, dense, 4), M, 4);
    sandwichSparse(M, 4, D).forEach((v, k) => expect(v).toBeCloseTo(ref[k]!, 12));
    const r = restrictSparse(D, Int32Array.of(0, -1, 1, -1));
    expect([Array.from(r.rows), Array.from(r.cols), Array.from(r.vals)]).toEqual([
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  accumulateGram,
  designResiduals,
  gramContract,
  multiply,
  restrictSparse,
  restrictToPattern,
  sandwichSparse,
  sandwichSparseInto,
  traceOfProduct,
  transpose,
  transposeInto,
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
  it('designResiduals = y − Xβ, each row subtracted in storage order (bit for bit)', () => {
    const beta = Float64Array.from({ length: p }, (_, k) => Math.sin(k + 1) * 3);
    const r = designResiduals(design, beta, data.nObs);
    expect(r.length).toBe(data.nObs);
    for (let o = 0; o < data.nObs; o++) {
      let s = design.y[o]!;
      for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) s -= design.values[e]! * beta[design.colIdx[e]!]!;
      expect(Object.is(r[o], s)).toBe(true);
    }
    const longer = new Float64Array(data.nObs + 3).fill(Math.E);
    expect(designResiduals(design, beta, data.nObs, longer)).toBe(longer);
    for (let o = 0; o < data.nObs; o++) expect(Object.is(longer[o], r[o])).toBe(true);
    expect(longer[data.nObs]).toBe(Math.E);
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
  it('the *Into forms write the same numbers, bit for bit, into a used, larger buffer', () => {
    const D = { rows: Int32Array.of(0, 2, 1), cols: Int32Array.of(2, 0, 1), vals: Float64Array.of(1, 1, 2) };
    const dirty = new Float64Array(40).fill(Math.PI);
    const into = sandwichSparseInto(dirty, M, 4, D);
    expect(into).toBe(dirty);
    sandwichSparse(M, 4, D).forEach((v, k) => expect(Object.is(into[k], v)).toBe(true));
    const T = new Float64Array(40).fill(-1);
    transposeInto(T, M, 4, 7);
    const t = transpose(M, 4);
    t.forEach((v, k) => expect(Object.is(T[7 + k], v)).toBe(true));
    expect(T[6]).toBe(-1);
    expect(T[23]).toBe(-1);
    const X = Float64Array.from({ length: 16 }, (_, k) => Math.sin(k));
    expect(Object.is(traceOfProduct(X, T, 4, 7), traceOfProduct(X, t, 4))).toBe(true);
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

describe('restrictToPattern, transpose, traceOfProduct', () => {
  const data = smallProblem();
  const [pat3, pat4] = [
    data.patterns.find((p) => p.visits.length < 4)!,
    data.patterns.find((p) => p.visits.length === 4)!,
  ];
  const localOf = (visits: Int32Array) => {
    const local = new Int32Array(4).fill(-1);
    visits.forEach((v, a) => (local[v] = a));
    return local;
  };
  const list = [
    { rows: Int32Array.of(0, 3), cols: Int32Array.of(3, 0), vals: Float64Array.of(1, 1) },
    { rows: Int32Array.of(1), cols: Int32Array.of(1), vals: Float64Array.of(2) },
  ];
  it('restricts each matrix as restrictSparse, once per list and pattern', () => {
    const first = restrictToPattern(list, pat3, localOf(pat3.visits));
    expect(first).toEqual(list.map((D) => restrictSparse(D, localOf(pat3.visits))));
    expect(restrictToPattern(list, pat3, localOf(pat3.visits))).toBe(first);
    const other = restrictToPattern(list, pat4, localOf(pat4.visits));
    expect(other).not.toBe(first);
    expect(other).toEqual(list.map((D) => restrictSparse(D, localOf(pat4.visits))));
    // another list (a non-linear structure's derivatives at another θ) is restricted afresh
    expect(restrictToPattern([...list], pat3, localOf(pat3.visits))).not.toBe(first);
  });
  it("transpose gives M' and traceOfProduct tr(XY) summed as Σ_i Σ_j X_ij Y_ji (bit for bit)", () => {
    const n = 5;
    const X = Float64Array.from({ length: n * n }, (_, k) => Math.sin(k + 1) * 1e3);
    const Y = Float64Array.from({ length: n * n }, (_, k) => Math.cos(3 * k) / 7);
    const Yt = transpose(Y, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Yt[i * n + j]).toBe(Y[j * n + i]);
    let t = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t += X[i * n + j]! * Y[j * n + i]!;
    expect(traceOfProduct(X, Yt, n)).toBe(t);
  });
});

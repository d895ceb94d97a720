/**
 * Contractions of a pattern's sufficient statistics (./patterns.ts) with m_P × m_P matrices: the
 * kernels through which X enters the likelihood, its derivatives and Kenward–Roger.
 */
import type { ModelDesign } from '../model/design.js';
import type { SparseSymmetric } from './structures/types.js';
import type { VisitPattern } from './patterns.js';

/** out (p × p) += Σ_{i∈P} X_i' M X_i = Σ_ab M_ab G_P[a, b]. */
export function accumulateGram(out: Float64Array, p: number, pat: VisitPattern, M: Float64Array): void {
  const mp = pat.visits.length;
  const { offsets, support, gram, d } = pat;
  for (let a = 0; a < mp; a++)
    for (let b = 0; b < mp; b++) {
      const w = M[a * mp + b]!;
      if (w === 0) continue;
      for (let r = offsets[a]!; r < offsets[a + 1]!; r++) {
        const outRow = support[r]! * p;
        const gRow = r * d;
        for (let c = offsets[b]!; c < offsets[b + 1]!; c++) out[outRow + support[c]!]! += w * gram[gRow + c]!;
      }
    }
}

/** out (p) += Σ_{i∈P} X_i' M y_i = Σ_ab M_ab F_P[a, b] (or with another d × m_P cross matrix). */
export function accumulateCross(out: Float64Array, pat: VisitPattern, M: Float64Array, cross = pat.cross): void {
  const mp = pat.visits.length;
  const { offsets, support } = pat;
  for (let a = 0; a < mp; a++)
    for (let r = offsets[a]!; r < offsets[a + 1]!; r++) {
      let s = 0;
      for (let b = 0; b < mp; b++) s += M[a * mp + b]! * cross[r * mp + b]!;
      out[support[r]!]! += s;
    }
}

/**
 * r = y − Xβ over the design's n observations, each y_o minus its row's products in storage order, into
 * the first n entries of `resid` (a reused buffer may be longer).
 */
export function designResiduals(
  design: ModelDesign,
  beta: Float64Array,
  n: number,
  resid: Float64Array = new Float64Array(n),
): Float64Array {
  for (let o = 0; o < n; o++) {
    let s = design.y[o]!;
    for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++) s -= design.values[e]! * beta[design.colIdx[e]!]!;
    resid[o] = s;
  }
  return resid;
}

/** τ_P = Σ_{i∈P} X_i B X_i' (m_P × m_P) for a p × p matrix B. */
export function gramContract(pat: VisitPattern, B: Float64Array, p: number): Float64Array {
  const mp = pat.visits.length;
  const { offsets, support, gram, d } = pat;
  const tau = new Float64Array(mp * mp);
  for (let a = 0; a < mp; a++)
    for (let b = a; b < mp; b++) {
      let s = 0;
      for (let r = offsets[a]!; r < offsets[a + 1]!; r++) {
        const bRow = support[r]! * p;
        const gRow = r * d;
        for (let c = offsets[b]!; c < offsets[b + 1]!; c++) s += B[bRow + support[c]!]! * gram[gRow + c]!;
      }
      tau[a * mp + b] = s;
      tau[b * mp + a] = s;
    }
  return tau;
}

/** C = A B for n × n row-major matrices. */
export function multiply(A: Float64Array, B: Float64Array, n: number): Float64Array {
  return multiplyInto(new Float64Array(n * n), A, B, n);
}

/** `multiply` into C (overwritten), for a caller that reuses one buffer for many products. */
export function multiplyInto(C: Float64Array, A: Float64Array, B: Float64Array, n: number): Float64Array {
  C.fill(0);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const a = A[i * n + k]!;
      if (a === 0) continue;
      for (let j = 0; j < n; j++) C[i * n + j]! += a * B[k * n + j]!;
    }
  return C;
}

/** S D S for a sparse symmetric D given on local indices. */
export function sandwichSparse(S: Float64Array, mp: number, D: SparseSymmetric): Float64Array {
  return sandwichSparseInto(new Float64Array(mp * mp), S, mp, D);
}

/** `sandwichSparse` into the first mp × mp entries of `out` (zeroed first), for a reused buffer. */
export function sandwichSparseInto(out: Float64Array, S: Float64Array, mp: number, D: SparseSymmetric): Float64Array {
  out.fill(0, 0, mp * mp);
  for (let e = 0; e < D.vals.length; e++) {
    const i = D.rows[e]!;
    const j = D.cols[e]!;
    const v = D.vals[e]!;
    for (let a = 0; a < mp; a++) {
      const sa = v * S[a * mp + i]!;
      if (sa === 0) continue;
      for (let b = 0; b < mp; b++) out[a * mp + b]! += sa * S[j * mp + b]!;
    }
  }
  return out;
}

/** The entries of D (global indices) that fall inside a pattern, on local indices. */
export function restrictSparse(D: SparseSymmetric, local: Int32Array): SparseSymmetric {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let e = 0; e < D.vals.length; e++) {
    const i = local[D.rows[e]!]!;
    const j = local[D.cols[e]!]!;
    if (i >= 0 && j >= 0) {
      r.push(i);
      c.push(j);
      v.push(D.vals[e]!);
    }
  }
  return { rows: Int32Array.from(r), cols: Int32Array.from(c), vals: Float64Array.from(v) };
}

/** A B A' style triple product S M S for dense m_P × m_P matrices. */
export function sandwichDense(S: Float64Array, M: Float64Array, mp: number): Float64Array {
  return multiply(multiply(S, M, mp), S, mp);
}

const restrictedLists = new WeakMap<readonly SparseSymmetric[], WeakMap<VisitPattern, readonly SparseSymmetric[]>>();

/**
 * `restrictSparse` of each matrix of `list` to the pattern (`local`: its visits' local indices), kept per
 * list and pattern: a structure linear in θ (UN, TOEP, CS) hands out the same ∂Σ/∂θ list at every θ, so
 * a fit restricts it once per pattern instead of once per evaluation. Entries are never modified.
 */
export function restrictToPattern(
  list: readonly SparseSymmetric[],
  pat: VisitPattern,
  local: Int32Array,
): readonly SparseSymmetric[] {
  let byPattern = restrictedLists.get(list);
  if (byPattern === undefined) restrictedLists.set(list, (byPattern = new WeakMap()));
  let restricted = byPattern.get(pat);
  if (restricted === undefined) byPattern.set(pat, (restricted = list.map((D) => restrictSparse(D, local))));
  return restricted;
}

/** M' for an n × n row-major matrix. */
export function transpose(M: Float64Array, n: number): Float64Array {
  return transposeInto(new Float64Array(n * n), M, n);
}

/** M' into T's n × n entries from `offset` (every one overwritten), for a reused buffer. */
export function transposeInto(T: Float64Array, M: Float64Array, n: number, offset = 0): Float64Array {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[offset + j * n + i] = M[i * n + j]!;
  return T;
}

/**
 * tr(XY) = Σ_i Σ_j X_ij Y_ji from X and Yᵗ = Y' (so both are read along rows), summed in that order:
 * the same rounding as the loop over X and Y. Yᵗ is read from `ytOffset` (one of several in a buffer).
 */
export function traceOfProduct(X: Float64Array, Yt: Float64Array, n: number, ytOffset = 0): number {
  let t = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t += X[i * n + j]! * Yt[ytOffset + i * n + j]!;
  return t;
}

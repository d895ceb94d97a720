/**
 * Kenward–Roger (1997) small-sample inference for REML fits, as SAS PROC MIXED DDFM=KR: the adjusted
 * covariance Φ_A = Φ + 2Φ{Σ_kl W_kl (Q_kl − P_kΦP_l − ¼R_kl)}Φ with P_k = −Q_k, computed in SAS's
 * covariance parameters (R_kl = 0 for the linear UN, TOEP, CS; kept for the others), and the df of a
 * one-row contrast (the ℓ = 1 case of Kenward & Roger's F approximation, R mmrm `h_kr_df`).
 */
import {
  accumulateGram,
  multiply,
  multiplyInto,
  restrictSparse,
  restrictToPattern,
  sandwichDense,
} from './pattern-algebra.js';
import type { LikelihoodEvaluation } from './likelihood.js';
import type { PatternData } from './patterns.js';
import type { CovarianceStructure, SparseSymmetric } from './structures/types.js';

function addSparse(out: Float64Array, D: SparseSymmetric, mp: number, w: number): void {
  for (let e = 0; e < D.vals.length; e++) out[D.rows[e]! * mp + D.cols[e]!]! += w * D.vals[e]!;
}

/** M += D B for a sparse D and a dense B, m_P × m_P on local indices. */
function addSparseTimes(M: Float64Array, D: SparseSymmetric, B: Float64Array, mp: number): void {
  for (let e = 0; e < D.vals.length; e++) {
    const i = D.rows[e]!;
    const j = D.cols[e]!;
    for (let c = 0; c < mp; c++) M[i * mp + c]! += D.vals[e]! * B[j * mp + c]!;
  }
}

/** Φ_A; `W` = Cov(θ̂) = 2H⁻¹ (q × q). */
export function kenwardRogerCovariance(
  data: PatternData,
  structure: CovarianceStructure,
  evaluation: LikelihoodEvaluation,
  W: Float64Array,
): Float64Array {
  const { p, patterns } = data;
  const q = structure.q;
  const A = evaluation.xtvxInverse;
  const der = evaluation.derivatives!;
  const Q = evaluation.q!;
  const lambda = new Float64Array(p * p);
  // Z and SZ of each pattern and parameter in two buffers for the whole call (~1,000 arrays otherwise
  // in a fit of 8 visits; see ./scratch.ts).
  const m = data.m;
  const Z = new Float64Array(m * m);
  const SZ = new Float64Array(m * m);
  patterns.forEach((pat, k) => {
    const mp = pat.visits.length;
    const { S, local } = evaluation.factors[k]!;
    const D = restrictToPattern(der.first, pat, local);
    // M_P = Σ_kl W_kl D_k S D_l − ¼ Σ_kl W_kl D_kl, then Σ_i X_i' S M_P S X_i
    const M = new Float64Array(mp * mp);
    for (let a = 0; a < q; a++) {
      if (D[a]!.vals.length === 0) continue;
      Z.fill(0, 0, mp * mp);
      for (let b = 0; b < q; b++) if (W[a * q + b] !== 0) addSparse(Z, D[b]!, mp, W[a * q + b]!);
      // D_a S Z
      addSparseTimes(M, D[a]!, multiplyInto(SZ, S, Z, mp), mp);
    }
    for (const { k: a, l: b, d } of der.second) {
      const w = a === b ? W[a * q + b]! : 2 * W[a * q + b]!;
      addSparse(M, restrictSparse(d, local), mp, -0.25 * w);
    }
    accumulateGram(lambda, p, pat, sandwichDense(S, M, mp));
  });
  // AQ_k as the Hessian at θ̂ made them (the same products), else made here
  const AQ = evaluation.phiQ ?? Q.map((Qk) => multiply(A, Qk, p));
  subtractWeightedProducts(lambda, Q, AQ, W, q, p);
  const adj = multiply(multiply(A, lambda, p), A, p);
  return plusSymmetricPart(A, adj, p);
}

// Each loop nest in a function of its own, as in likelihood.ts: code after a loop that V8 compiled
// while it ran bailed out to the interpreter on every later call (once a fit).

/** lambda −= Σ_kl W_kl Q_k A Q_l, from the products AQ_l. */
function subtractWeightedProducts(
  lambda: Float64Array,
  Q: readonly Float64Array[],
  AQ: readonly Float64Array[],
  W: Float64Array,
  q: number,
  p: number,
): void {
  // Two p × p buffers for the q rounds (Z summed from zero each round, QZ overwritten), not 2q arrays.
  const Z = new Float64Array(p * p);
  const QZ = new Float64Array(p * p);
  for (let a = 0; a < q; a++) {
    addWeightedRow(Z.fill(0), AQ, W, a, q, p * p);
    multiplyInto(QZ, Q[a]!, Z, p);
    subtractFrom(lambda, QZ, p * p);
  }
}

// The round's two loops are functions of their own: compiled while the first round ran, the function
// holding them bailed out on the loops it had not yet run (4 compilations in the run's first fit).

/** Z += Σ_b W_ab Y_b over the non-zero weights of row a, entry by entry. */
function addWeightedRow(
  Z: Float64Array,
  Y: readonly Float64Array[],
  W: Float64Array,
  a: number,
  q: number,
  n: number,
): void {
  for (let b = 0; b < q; b++) {
    const w = W[a * q + b]!;
    if (w === 0) continue;
    const Yb = Y[b]!;
    for (let e = 0; e < n; e++) Z[e]! += w * Yb[e]!;
  }
}

/** x −= y over the first n entries. */
function subtractFrom(x: Float64Array, y: Float64Array, n: number): void {
  for (let e = 0; e < n; e++) x[e]! -= y[e]!;
}

/** A + (M + M'). */
function plusSymmetricPart(A: Float64Array, M: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) out[i * p + j] = A[i * p + j]! + (M[i * p + j]! + M[j * p + i]!);
  return out;
}

/** c'ΦQ_kΦc for each k, and c'Φc. */
export function contrastSensitivities(
  c: Float64Array,
  phi: Float64Array,
  qMatrices: readonly Float64Array[],
  p: number,
): { variance: number; g: Float64Array } {
  const phic = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += phi[i * p + j]! * c[j]!;
    phic[i] = s;
  }
  let variance = 0;
  for (let i = 0; i < p; i++) variance += c[i]! * phic[i]!;
  const g = Float64Array.from(qMatrices, (Qk) => {
    let s = 0;
    for (let i = 0; i < p; i++) {
      const x = phic[i]!;
      if (x === 0) continue;
      let t = 0;
      for (let j = 0; j < p; j++) t += Qk[i * p + j]! * phic[j]!;
      s += x * t;
    }
    return s;
  });
  return { variance, g };
}

function quadratic(W: Float64Array, x: Float64Array): number {
  const q = x.length;
  let s = 0;
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) s += x[a]! * W[a * q + b]! * x[b]!;
  return s;
}

/** Kenward–Roger df of the one-row contrast c (null when not computable). */
export function kenwardRogerDf(
  c: Float64Array,
  phi: Float64Array,
  qMatrices: readonly Float64Array[],
  W: Float64Array,
  p: number,
): number | null {
  const { variance, g } = contrastSensitivities(c, phi, qMatrices, p);
  if (!(variance > 0)) return null;
  const d = g.map((x) => x / variance);
  const a = quadratic(W, d);
  // ℓ = 1: A1 = A2 = a, g = −1, c1 = −1/7, c2 = 2/7, c3 = 4/7
  const B = 3.5 * a;
  const eStar = 1 / (1 - a);
  const vStar = (2 * (1 - B / 7)) / ((1 - (2 * B) / 7) ** 2 * (1 - (4 * B) / 7));
  const rho = vStar / (2 * eStar * eStar);
  const df = 4 + 3 / (rho - 1);
  return Number.isFinite(df) && df > 0 ? df : rho === 1 ? Infinity : null;
}

/**
 * −2 log (restricted) likelihood of the MMRM with its exact gradient and observed Hessian in SAS's
 * covariance parameters θ, accumulated per missing-data pattern (derivation in docs/mmrm.md):
 *
 *   f = Σ_i log|Σ_i| + r'V⁻¹r + [REML] log|X'V⁻¹X| + (n − [REML] p) log 2π
 *   g_k = Σ_P ⟨Σ_k, Ψ_P⟩,  Ψ_P = n_P S − S R_P S − [REML] S τ_P S
 *   H_kl = Σ_P tr(Σ_k S Σ_l Ω_P) − 2 u_k'A u_l − [REML] tr(AQ_kAQ_l) + Σ_P ⟨Σ_kl, Ψ_P⟩
 *
 * with S = Σ_P⁻¹, R_P = Σ r_i r_i', τ_P = Σ X_i A X_i', Ω_P = −n_P S + 2 S R_P S + [REML] 2 S τ_P S,
 * u_k = X'V⁻¹Σ_kV⁻¹r, Q_k = X'V⁻¹Σ_kV⁻¹X (Harville 1977; the REML Hessian written out as in
 * SAS PROC MIXED's Newton–Raphson). β is profiled out (generalised least squares) in both.
 */
import { cholesky, choleskyInverse, choleskyLogDet, sameEntries } from '../linalg/dense.js';
import {
  accumulateCross,
  accumulateGram,
  designResiduals,
  gramContract,
  multiplyInto,
  restrictToPattern,
  sandwichDense,
  sandwichSparseInto,
  traceOfProduct,
  transposeInto,
} from './pattern-algebra.js';
import { BufferPool, Float64Scratch, ZeroVectorPool } from './scratch.js';
import type { PatternData, VisitPattern } from './patterns.js';
import type { CovarianceDerivatives, CovarianceStructure, SparseSymmetric } from './structures/types.js';

export interface PatternFactor {
  /** Σ_P⁻¹, m_P × m_P. */
  readonly S: Float64Array;
  readonly logDet: number;
  /** Global visit → local index in the pattern, −1 when absent. */
  readonly local: Int32Array;
}

export interface LikelihoodEvaluation {
  /** −2 log L (REML or ML). */
  readonly objective: number;
  readonly gradient: Float64Array | null;
  /** Observed Hessian of −2 log L in θ, q × q. */
  readonly hessian: Float64Array | null;
  readonly beta: Float64Array;
  /** Φ = (X'V⁻¹X)⁻¹, p × p. */
  readonly xtvxInverse: Float64Array;
  readonly factors: readonly PatternFactor[];
  readonly derivatives: CovarianceDerivatives | null;
  /** Q_k = X'V⁻¹Σ_kV⁻¹X, p × p each (order 2 only). */
  readonly q: readonly Float64Array[] | null;
  /** ΦQ_k, p × p each (order 2 of REML only): the Hessian's products, which Kenward–Roger needs again. */
  readonly phiQ: readonly Float64Array[] | null;
}

export interface LikelihoodOptions {
  readonly reml: boolean;
  /** 0: objective; 1: + gradient; 2: + Hessian and Q_k. */
  readonly order: 0 | 1 | 2;
}

function submatrix(sigma: Float64Array, m: number, visits: Int32Array): Float64Array {
  const mp = visits.length;
  const out = new Float64Array(mp * mp);
  for (let a = 0; a < mp; a++) for (let b = 0; b < mp; b++) out[a * mp + b] = sigma[visits[a]! * m + visits[b]!]!;
  return out;
}

function frobenius(D: SparseSymmetric, M: Float64Array, m: number): number {
  let s = 0;
  for (let e = 0; e < D.vals.length; e++) s += D.vals[e]! * M[D.rows[e]! * m + D.cols[e]!]!;
  return s;
}

/**
 * The part of an evaluation every order needs: each pattern's factor of Σ, β̂, the residuals and −2ℓ.
 * Kept so that an order-0 evaluation that the optimiser accepts is completed to order 2 from it
 * (`completeLikelihood`) instead of being computed again.
 */
export interface LikelihoodBase {
  readonly theta: Float64Array;
  readonly reml: boolean;
  /** The Σ the factors are of. */
  readonly sigma: Float64Array;
  readonly objective: number;
  readonly beta: Float64Array;
  readonly xtvxInverse: Float64Array;
  readonly factors: readonly PatternFactor[];
  /** R_P = Σ_{i∈P} r_i r_i' of each pattern. */
  readonly residCross: readonly Float64Array[];
}

/** Returns null when Σ (of some pattern) or X'V⁻¹X is not positive definite. */
export function evaluateLikelihood(
  data: PatternData,
  structure: CovarianceStructure,
  theta: Float64Array,
  options: LikelihoodOptions,
): LikelihoodEvaluation | null {
  const derivatives = options.order > 0 ? structure.derivatives(theta) : null;
  const base = likelihoodBase(data, theta, derivatives?.sigma ?? structure.sigma(theta), options.reml);
  return base && likelihoodDerivatives(data, structure, base, derivatives, options.order);
}

/**
 * `base` (an evaluation's shared part) completed to `order`: the same numbers, bit for bit, as
 * `evaluateLikelihood` at base.theta, or null when the structure's derivatives give another Σ than
 * the one the base was made with (then the caller evaluates afresh).
 */
export function completeLikelihood(
  data: PatternData,
  structure: CovarianceStructure,
  base: LikelihoodBase,
  order: 0 | 1 | 2,
): LikelihoodEvaluation | null {
  const derivatives = order > 0 ? structure.derivatives(base.theta) : null;
  if (derivatives !== null && !sameEntries(derivatives.sigma, base.sigma)) return null;
  return likelihoodDerivatives(data, structure, base, derivatives, order);
}

/** The shared part at θ with covariance `sigma`; null when Σ_P or X'V⁻¹X is not positive definite. */
export function likelihoodBase(
  data: PatternData,
  theta: Float64Array,
  sigma: Float64Array,
  reml: boolean,
): LikelihoodBase | null {
  const { p, patterns } = data;
  const factors: PatternFactor[] = [];
  const xtvx = new Float64Array(p * p);
  const xtvy = new Float64Array(p);
  for (let k = 0; k < patterns.length; k++) {
    const factor = addPatternFactor(xtvx, xtvy, data, sigma, patterns[k]!);
    if (!factor) return null;
    factors.push(factor);
  }
  // cholesky reads its argument only: the fresh arrays are passed as they are, not copied
  const Lx = cholesky({ n: p, data: xtvx });
  if (!Lx) return null;
  const A = choleskyInverse(Lx).data;
  const beta = matrixTimesVector(A, xtvy, p);
  // read only by the residual cross products below, so made in a reused buffer
  const resid = designResiduals(data.design, beta, data.nObs, residualScratch.take(data.nObs));

  let objective = (reml ? data.nObs - p : data.nObs) * Math.log(2 * Math.PI) + (reml ? choleskyLogDet(Lx) : 0);
  const residCross: Float64Array[] = [];
  for (let k = 0; k < patterns.length; k++) {
    const pat = patterns[k]!;
    const mp = pat.visits.length;
    const R = patternResidualCross(pat, resid);
    residCross.push(R);
    const f = factors[k]!;
    objective += pat.nSubjects * f.logDet + dot(f.S, R, mp * mp);
  }
  return { theta, reml, sigma, objective, beta, xtvxInverse: A, factors, residCross };
}

// likelihoodBase's loops are functions of their own: the whole function, compiled with its callees
// inlined to optimize a loop while it ran, took ~20 ms of compilation (~85 ms on a busy machine).

/** Pattern P's factor of Σ_P, its X_i'Σ_P⁻¹X_i and X_i'Σ_P⁻¹y_i added; null when Σ_P is not positive definite. */
function addPatternFactor(
  xtvx: Float64Array,
  xtvy: Float64Array,
  data: PatternData,
  sigma: Float64Array,
  pat: VisitPattern,
): PatternFactor | null {
  const mp = pat.visits.length;
  const L = cholesky({ n: mp, data: submatrix(sigma, data.m, pat.visits) });
  if (!L) return null;
  const S = choleskyInverse(L).data;
  const local = new Int32Array(data.m).fill(-1);
  for (let a = 0; a < mp; a++) local[pat.visits[a]!] = a;
  accumulateGram(xtvx, data.p, pat, S);
  accumulateCross(xtvy, pat, S);
  return { S, logDet: choleskyLogDet(L), local };
}

/** R_P = Σ_{i∈P} r_i r_i' (m_P × m_P). */
function patternResidualCross(pat: VisitPattern, resid: Float64Array): Float64Array {
  const mp = pat.visits.length;
  const R = new Float64Array(mp * mp);
  for (let i = 0; i < pat.nSubjects; i++)
    for (let a = 0; a < mp; a++) {
      const ra = resid[pat.obs[i * mp + a]!]!;
      for (let b = 0; b < mp; b++) R[a * mp + b]! += ra * resid[pat.obs[i * mp + b]!]!;
    }
  return R;
}

// The derivative terms are split into one function per loop nest on purpose: V8 compiles a long loop
// while it runs (on-stack replacement) before the code after it has ever run, and that code then
// bailed out to the interpreter on every later call (~100 deoptimisations a run, each ~1 ms).
function likelihoodDerivatives(
  data: PatternData,
  structure: CovarianceStructure,
  b0: LikelihoodBase,
  derivatives: CovarianceDerivatives | null,
  order: 0 | 1 | 2,
): LikelihoodEvaluation {
  const { m, p, patterns } = data;
  const A = b0.xtvxInverse;
  if (order === 0 || !derivatives) return evaluationRecord(b0, derivatives, null, null, null, null);
  const psi = new Float64Array(m * m);
  const omegas = patterns.map((pat, k) => addScoreTerms(psi, data, b0, pat, k));
  const gradient = Float64Array.from(derivatives.first, (D) => frobenius(D, psi, m));
  if (order === 1) return evaluationRecord(b0, derivatives, gradient, null, null, null);

  const q = structure.q;
  const hessian = new Float64Array(q * q);
  const u = scoreVectors.take(q, p);
  const Q = blockViews(q, p * p);
  patterns.forEach((pat, k) =>
    addPatternHessianTerms(hessian, u, Q, data, b0, derivatives.first, pat, k, omegas[k]!, q),
  );
  const phiQ = addFixedEffectHessianTerms(hessian, u, Q, A, q, p, b0.reml);
  for (const { k, l, d } of derivatives.second) hessian[k * q + l]! += frobenius(d, psi, m);
  symmetrizeFromUpper(hessian, q);
  return evaluationRecord(b0, derivatives, gradient, hessian, Q, phiQ);
}

/**
 * An evaluation record, its fields written one by one in one order: a spread (`{ ...base, gradient }`)
 * in optimized code gave every result a hidden class of its own (V8 11.3: four map transitions per
 * evaluation, ~110 evaluations a run), so every reader of them saw a new map.
 */
function evaluationRecord(
  b0: LikelihoodBase,
  derivatives: CovarianceDerivatives | null,
  gradient: Float64Array | null,
  hessian: Float64Array | null,
  q: readonly Float64Array[] | null,
  phiQ: readonly Float64Array[] | null,
): LikelihoodEvaluation {
  return {
    objective: b0.objective,
    beta: b0.beta,
    xtvxInverse: b0.xtvxInverse,
    factors: b0.factors,
    derivatives,
    gradient,
    hessian,
    q,
    phiQ,
  };
}

/** Adds pattern k's part of Ψ = Σ_P (n_P S − S R_P S − [REML] S τ_P S) to `psi`; returns its Ω_P. */
function addScoreTerms(
  psi: Float64Array,
  data: PatternData,
  b0: LikelihoodBase,
  pat: VisitPattern,
  k: number,
): Float64Array {
  const { m, p } = data;
  const mp = pat.visits.length;
  const { S } = b0.factors[k]!;
  const SRS = sandwichDense(S, b0.residCross[k]!, mp);
  const StauS = b0.reml ? sandwichDense(S, gramContract(pat, b0.xtvxInverse, p), mp) : new Float64Array(mp * mp);
  const omega = new Float64Array(mp * mp);
  for (let a = 0; a < mp; a++)
    for (let b = 0; b < mp; b++) {
      const e = a * mp + b;
      psi[pat.visits[a]! * m + pat.visits[b]!]! += pat.nSubjects * S[e]! - SRS[e]! - StauS[e]!;
      omega[e] = -pat.nSubjects * S[e]! + 2 * SRS[e]! + 2 * StauS[e]!;
    }
  return omega;
}

/** Pattern k's Σ_P tr(Σ_a S Σ_b Ω_P) into `hessian` (upper triangle), and its parts of u_a and Q_a. */
function addPatternHessianTerms(
  hessian: Float64Array,
  u: readonly Float64Array[],
  Q: readonly Float64Array[],
  data: PatternData,
  b0: LikelihoodBase,
  first: readonly SparseSymmetric[],
  pat: VisitPattern,
  k: number,
  omega: Float64Array,
  q: number,
): void {
  const mp = pat.visits.length;
  const { S, local } = b0.factors[k]!;
  const Dk = restrictToPattern(first, pat, local);
  addTraceTerms(hessian, Dk, S, omega, mp, q);
  // u_k = Σ_i X_i' S Σ_k S r_i and Q_k = Σ_i X_i' S Σ_k S X_i
  const E = residualCross(pat, b0.beta);
  for (let a = 0; a < q; a++) {
    if (Dk[a]!.vals.length === 0) continue;
    const SDS = sandwichSparseInto(sdsScratch.take(mp * mp), S, mp, Dk[a]!);
    accumulateGram(Q[a]!, data.p, pat, SDS);
    accumulateCross(u[a]!, pat, SDS, E);
  }
}

/** tr(Σ_a S Σ_b Ω_P) for a ≤ b, added to `hessian`. */
function addTraceTerms(
  hessian: Float64Array,
  Dk: readonly SparseSymmetric[],
  S: Float64Array,
  omega: Float64Array,
  mp: number,
  q: number,
): void {
  for (let a = 0; a < q; a++) {
    const Da = Dk[a]!;
    for (let b = a; b < q; b++) {
      const Db = Dk[b]!;
      let t = 0;
      for (let e = 0; e < Da.vals.length; e++) {
        const i = Da.rows[e]!;
        const j = Da.cols[e]!;
        for (let f = 0; f < Db.vals.length; f++)
          t += Da.vals[e]! * Db.vals[f]! * S[j * mp + Db.rows[f]!]! * omega[Db.cols[f]! * mp + i]!;
      }
      hessian[a * q + b]! += t;
    }
  }
}

/** − 2 u_a'A u_b − [REML] tr(AQ_a AQ_b) for a ≤ b, added to `hessian`; returns the AQ_a (REML, else null). */
function addFixedEffectHessianTerms(
  hessian: Float64Array,
  u: readonly Float64Array[],
  Q: readonly Float64Array[],
  A: Float64Array,
  q: number,
  p: number,
  reml: boolean,
): Float64Array[] | null {
  // Lists built by push, never by `map`: V8's optimized `map` makes its result with another elements
  // kind than the interpreter's, and every load from such a list then bailed out of the optimized code
  // (5 deoptimisations and 7 compilations of this function in the run's first, SLEDAI-2K, fit).
  const Au = timesVectors.take(q, p);
  for (let a = 0; a < q; a++) matrixTimesVectorInto(Au[a]!, A, u[a]!, p);
  if (!reml) {
    addScorePairs(hessian, u, Au, q, p);
    return null;
  }
  const AQ = blockViews(q, p * p);
  // tr(AQ_a AQ_b) for q(q+1)/2 pairs reads AQ_b by columns: transposed once, it is read along rows
  // (the q transposes side by side in one reused buffer).
  const AQt = transposedScratch.take(q * p * p);
  for (let a = 0; a < q; a++) {
    const M = multiplyInto(AQ[a]!, A, Q[a]!, p);
    transposeInto(AQt, M, p, a * p * p);
  }
  addRemlPairs(hessian, u, Au, AQ, AQt, q, p);
  return AQ;
}

/** −2 u_a'A u_b for a ≤ b (ML). */
function addScorePairs(
  hessian: Float64Array,
  u: readonly Float64Array[],
  Au: readonly Float64Array[],
  q: number,
  p: number,
): void {
  for (let a = 0; a < q; a++) for (let b = a; b < q; b++) hessian[a * q + b]! += -2 * dot(u[a]!, Au[b]!, p);
}

/** −2 u_a'A u_b − tr(AQ_a AQ_b) for a ≤ b (REML); `AQt` holds the (AQ_b)' one after another. */
function addRemlPairs(
  hessian: Float64Array,
  u: readonly Float64Array[],
  Au: readonly Float64Array[],
  AQ: readonly Float64Array[],
  AQt: Float64Array,
  q: number,
  p: number,
): void {
  for (let a = 0; a < q; a++)
    for (let b = a; b < q; b++)
      hessian[a * q + b]! += -2 * dot(u[a]!, Au[b]!, p) - traceOfProduct(AQ[a]!, AQt, p, b * p * p);
}

/** x'y over the first n entries, summed in index order. */
function dot(x: Float64Array, y: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
  return s;
}

/**
 * `count` zero vectors of length n, views of one buffer (one allocation, not `count`: see ./scratch.ts;
 * the buffer of an evaluation the optimiser has moved past when there is one), in a list built by
 * push (one elements kind, see above).
 */
function blockViews(count: number, n: number): Float64Array[] {
  const bytes = Float64Array.BYTES_PER_ELEMENT;
  const block = releasedBlocks.take(count * n * bytes);
  const out: Float64Array[] = [];
  for (let k = 0; k < count; k++) out.push(new Float64Array(block, k * n * bytes, n));
  return out;
}

/** The blocks of the Q_k and AQ_k of evaluations whose owner has released them (`releaseEvaluation`). */
const releasedBlocks = new BufferPool();

/**
 * Hands `evaluation`'s Q_k and ΦQ_k blocks back for the next evaluation to reuse. Only for an owner that
 * keeps no reference to the evaluation (nor to its q or phiQ) afterwards: the optimiser, for each
 * evaluation it has moved past. Nothing else of the evaluation is reused.
 */
export function releaseEvaluation(evaluation: LikelihoodEvaluation): void {
  const first = evaluation.q?.[0];
  if (first !== undefined) releasedBlocks.give(first.buffer as ArrayBuffer);
  const firstPhiQ = evaluation.phiQ?.[0];
  if (firstPhiQ !== undefined) releasedBlocks.give(firstPhiQ.buffer as ArrayBuffer);
}

function matrixTimesVector(M: Float64Array, x: Float64Array, p: number): Float64Array {
  return matrixTimesVectorInto(new Float64Array(p), M, x, p);
}

/** Mx into out (each of its p entries overwritten). */
function matrixTimesVectorInto(out: Float64Array, M: Float64Array, x: Float64Array, p: number): Float64Array {
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += M[i * p + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

// Buffers no evaluation returns (./scratch.ts): Σ_P⁻¹Σ_kΣ_P⁻¹ of one pattern and parameter at a time,
// the u_k and Au_k of the Hessian's fixed-effect terms, the q transposed products AQ_k', and the base's
// residuals.
const sdsScratch = new Float64Scratch();
const scoreVectors = new ZeroVectorPool();
const timesVectors = new ZeroVectorPool();
const transposedScratch = new Float64Scratch();
const residualScratch = new Float64Scratch();

/** The lower triangle of a q × q matrix from its upper one. */
function symmetrizeFromUpper(H: Float64Array, q: number): void {
  for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) H[a * q + b] = H[b * q + a]!;
}

/**
 * E_P = Σ_{i∈P} z_i r_i' = F_P − G_P B (d × m_P), B holding β cut to each visit's support: the
 * residual analogue of F_P, so that Σ_i X_i' M r_i = Σ_ab M_ab E_P[a, b].
 */
function residualCross(pat: VisitPattern, beta: Float64Array): Float64Array {
  const mp = pat.visits.length;
  const { d, offsets, support, gram, cross } = pat;
  const E = Float64Array.from(cross);
  for (let r = 0; r < d; r++)
    for (let b = 0; b < mp; b++) {
      let s = 0;
      for (let c = offsets[b]!; c < offsets[b + 1]!; c++) s += gram[r * d + c]! * beta[support[c]!]!;
      E[r * mp + b]! -= s;
    }
  return E;
}

/**
 * Start values: ordinary least squares residuals → per-visit variances and pairwise-complete
 * correlations, cast into the structure; correlations are halved until Σ is positive definite
 * (the last resort is the diagonal). Robust rather than clever: Newton does the rest.
 *
 * A visit whose OLS residuals are all (numerically) zero — every observation there fitted exactly,
 * as happens with a few subjects and a saturated visit × arm model — carries no information on its
 * variance; its start variance is the pooled OLS residual variance and its start correlations 0.
 * Without this floor a variance of ~1e-24 next to one of ~1e2 makes even the diagonal start Σ
 * numerically singular.
 */
import { cholesky, choleskySolve, squareMatrix } from '../linalg/dense.js';
import type { ModelDesign } from '../model/design.js';
import { designResiduals } from './pattern-algebra.js';
import type { PatternData, VisitPattern } from './patterns.js';
import type { CovarianceStructure } from './structures/types.js';

/** Relative to the pooled residual variance, below which a visit's variance counts as not estimated. */
const VARIANCE_FLOOR = 1e-8;

export interface EmpiricalMoments {
  readonly variances: Float64Array;
  /** m × m, 1 on the diagonal, 0 where no subject has both visits. */
  readonly correlations: Float64Array;
}

/** OLS residual moments by visit (variances scaled by n/(n − p)). */
export function olsResidualMoments(data: PatternData): EmpiricalMoments {
  const { design, p, m, nObs } = data;
  const xtx = keptCrossProducts(design);
  const xty = responseCrossProducts(design, p, nObs);
  const L = cholesky(squareMatrix(p, xtx));
  const beta = L ? choleskySolve(L, xty) : new Float64Array(p);
  const resid = designResiduals(design, beta, nObs);
  const ss = new Float64Array(m * m);
  const cnt = new Float64Array(m * m);
  for (const pat of data.patterns) addResidualProducts(ss, cnt, m, pat, resid);
  const inflate = nObs > p ? nObs / (nObs - p) : 1;
  const rss = sumOfSquares(resid);
  const pooledRaw = nObs > p ? rss / (nObs - p) : NaN;
  const pooled = pooledRaw > 0 && Number.isFinite(pooledRaw) ? pooledRaw : 1;
  const estimated = new Uint8Array(m);
  const variances = Float64Array.from({ length: m }, (_, a) => {
    const v = cnt[a * m + a]! > 0 ? (inflate * ss[a * m + a]!) / cnt[a * m + a]! : NaN;
    if (v > VARIANCE_FLOOR * pooled && Number.isFinite(v)) {
      estimated[a] = 1;
      return v;
    }
    return pooled;
  });
  const correlations = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      if (a === b) correlations[a * m + b] = 1;
      else if (cnt[a * m + b]! > 1 && estimated[a] === 1 && estimated[b] === 1) {
        const c = (inflate * ss[a * m + b]!) / cnt[a * m + b]! / Math.sqrt(variances[a]! * variances[b]!);
        correlations[a * m + b] = Math.max(-0.95, Math.min(0.95, c));
      }
    }
  return { variances, correlations };
}

// olsResidualMoments' loops are functions of their own: the whole function, compiled with its callees
// inlined to optimize a loop while it ran, took ~30 ms of compilation (~125 ms on a busy machine).

/** X'y over the kept columns. */
function responseCrossProducts(design: ModelDesign, p: number, nObs: number): Float64Array {
  const xty = new Float64Array(p);
  for (let o = 0; o < nObs; o++)
    for (let e = design.rowPtr[o]!; e < design.rowPtr[o + 1]!; e++)
      xty[design.colIdx[e]!]! += design.values[e]! * design.y[o]!;
  return xty;
}

/** Each pair of visits' residual products r_a·r_b and their count, over the pattern's subjects. */
function addResidualProducts(
  ss: Float64Array,
  cnt: Float64Array,
  m: number,
  pat: VisitPattern,
  resid: Float64Array,
): void {
  const mp = pat.visits.length;
  for (let i = 0; i < pat.nSubjects; i++)
    for (let a = 0; a < mp; a++)
      for (let b = 0; b < mp; b++) {
        const k = pat.visits[a]! * m + pat.visits[b]!;
        ss[k]! += resid[pat.obs[i * mp + a]!]! * resid[pat.obs[i * mp + b]!]!;
        cnt[k]! += 1;
      }
}

/** Σ r², in index order. */
function sumOfSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return s;
}

/**
 * X'X over the kept columns, read from the design's X'X over all columns: the same sums bit for bit as
 * accumulating the kept entries of X. Each observation adds one product to a cell, in the same order;
 * the full coding also adds the products of its zero entries, ±0, which leave a sum unchanged (a sum
 * started at +0 is never −0). Accumulating them again was ~12,000 products a fit, mostly run before V8
 * had compiled the loop.
 */
export function keptCrossProducts(design: ModelDesign): Float64Array {
  const kept = design.kept;
  const p = kept.length;
  const full = design.fullCrossProducts;
  const pFull = design.allColumns.length;
  const xtx = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) xtx[i * p + j] = full[kept[i]! * pFull + kept[j]!]!;
  return xtx;
}

/** θ to start from: the structure's cast of the moments, correlations halved until Σ is PD. */
export function startTheta(structure: CovarianceStructure, moments: EmpiricalMoments): Float64Array {
  const m = structure.m;
  const r = Float64Array.from(moments.correlations);
  for (let attempt = 0; attempt < 12; attempt++) {
    const theta = structure.start(moments.variances, r);
    if (theta.every(Number.isFinite) && cholesky(squareMatrix(m, structure.sigma(theta)))) return theta;
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (a !== b) r[a * m + b]! *= attempt < 10 ? 0.5 : 0;
  }
  return structure.start(moments.variances, r);
}

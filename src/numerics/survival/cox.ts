/**
 * Cox proportional hazards by Newton–Raphson as R's coxph (survival 3.5, C routine coxfit6): covariates
 * centred at their means, start at β = 0, Newton step with the observed information, the step halved
 * when the log partial likelihood decreases or is not finite, convergence when
 * |1 − ℓ_old/ℓ_new| ≤ ε (1e-9) without halving, at most 20 iterations. The returned β is the last
 * Newton iterate and the SEs come from the information at that β (coxph's `var`).
 *
 * Ties: Breslow, or Efron (d tied events at a time share the risk set: the k-th of them, k = 0…d−1, sees
 * S − (k/d)·S_D, S_D the sum over the tied events).
 *
 * An infinite coefficient (e.g. a group with no event, the hazard ratio → 0) is decided exactly: the
 * partial likelihood has no maximum iff some d ≠ 0 has (xᵢ − xⱼ)ᵀd ≥ 0 for every event i and every j
 * at risk at its time (Bryson & Johnson 1981), a Stiemke alternative checked by linear programming
 * (../linalg/positive-combination.ts) over the distinct covariate patterns. coxph only warns
 * ("Loglik converged before variable …; coefficient may be infinite") and reports a large finite value;
 * here the fit is not estimable.
 */
import { cholesky, choleskyInverse, choleskySolve, type SquareMatrix } from '../linalg/dense.js';
import { positiveNullCombinationExists } from '../linalg/positive-combination.js';
import {
  coefficientNames,
  notEstimableCoefficients,
  type CoefficientEstimate,
  type DesignMatrix,
} from '../glm/types.js';
import { covarianceRows, waldCoefficients } from '../glm/wald.js';
import { checkSurvivalData, orderByTime, type SurvivalData } from './survival-data.js';

export type CoxTies = 'efron' | 'breslow';

export interface CoxOptions {
  readonly ties?: CoxTies;
  readonly names?: readonly string[];
  /** Relative change of the log partial likelihood (coxph.control eps), default 1e-9. */
  readonly epsilon?: number;
  /** Default 20 (coxph.control iter.max). */
  readonly maxIterations?: number;
}

export interface CoxFit {
  readonly method: 'COX-EFRON' | 'COX-BRESLOW';
  readonly estimable: boolean;
  readonly coefficients: readonly CoefficientEstimate[];
  readonly covariance: readonly (readonly number[])[] | null;
  /** Log partial likelihood at β = 0 and at the estimate (coxph's loglik). */
  readonly logLik: readonly [number, number | null];
  readonly iterations: number;
  readonly converged: boolean;
  /** false when some coefficient tends to ±∞; null when the check was not run (too many patterns). */
  readonly mleExists: boolean | null;
  readonly warnings: string[];
}

/** Above this many distinct (event pattern, at-risk pattern) pairs the exact check is skipped. */
const MAX_PATTERN_PAIRS = 200_000;

export function fitCox(data: SurvivalData, x: DesignMatrix, options: CoxOptions = {}): CoxFit {
  checkSurvivalData(data, { name: 'covariate matrix', length: x.length });
  if (x.length === 0) throw new Error('Cox model: no subjects');
  const p = x[0]!.length;
  if (p === 0 || x.some((r) => r.length !== p || !r.every(Number.isFinite)))
    throw new Error('Cox model: covariate rows must have the same, non-zero number of finite entries');
  const ties = options.ties ?? 'efron';
  const names = coefficientNames(p, options.names);
  const eps = options.epsilon ?? 1e-9;
  const maxit = options.maxIterations ?? 20;
  const method = ties === 'efron' ? ('COX-EFRON' as const) : ('COX-BRESLOW' as const);
  const warnings: string[] = [];
  const means = Array.from({ length: p }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / x.length);
  const xc = x.map((r) => r.map((v, j) => v - means[j]!));
  const order = orderByTime(data.time);
  const kernel = (beta: ArrayLike<number>) => partialLikelihood(data, xc, order, beta, ties);

  let beta: Float64Array = new Float64Array(p);
  let current = kernel(beta);
  const logLik0 = current.logLik;
  const notEstimable = (iterations: number, mleExists: boolean | null): CoxFit => ({
    method,
    estimable: false,
    coefficients: notEstimableCoefficients(names),
    covariance: null,
    logLik: [logLik0, null],
    iterations,
    converged: false,
    mleExists,
    warnings,
  });
  if (!data.status.some((s) => s === 1)) {
    warnings.push('no events: the Cox model is not estimable');
    return notEstimable(0, null);
  }
  let factor = cholesky(current.information);
  if (factor === null) {
    warnings.push('the information matrix is singular: covariates are collinear or constant among the events');
    return notEstimable(0, null);
  }
  let logLik = current.logLik;
  let newBeta = beta.map((b, j) => b + choleskySolve(factor!, current.score)[j]!);
  let halving = false;
  let converged = false;
  let iter = 0;
  for (iter = 1; iter <= maxit; iter++) {
    current = kernel(newBeta);
    const finite = Number.isFinite(current.logLik) && current.score.every(Number.isFinite);
    if (finite && Math.abs(1 - logLik / current.logLik) <= eps && !halving) {
      converged = true;
      beta = newBeta;
      break;
    }
    if (iter === maxit) break;
    if (!finite || current.logLik < logLik) {
      halving = true;
      newBeta = newBeta.map((b, j) => (b + beta[j]!) / 2);
      continue;
    }
    halving = false;
    logLik = current.logLik;
    factor = cholesky(current.information);
    if (factor === null) break;
    const step = choleskySolve(factor, current.score);
    beta = newBeta;
    newBeta = newBeta.map((b, j) => b + step[j]!);
  }
  iter = Math.min(iter, maxit);
  const mleExists = coxMleExists(data, x, order, warnings);
  if (mleExists === false)
    warnings.push('the partial likelihood has no maximum: a coefficient tends to ±∞ (e.g. a group with no events)');
  if (!converged) warnings.push('Newton–Raphson did not converge');
  const finalFactor: SquareMatrix | null = converged ? cholesky(current.information) : null;
  if (converged && finalFactor === null) warnings.push('the information matrix at the estimate is singular');
  if (!converged || mleExists === false || finalFactor === null) return notEstimable(iter, mleExists);
  const cov = choleskyInverse(finalFactor);
  return {
    method,
    estimable: true,
    coefficients: waldCoefficients(names, beta, cov),
    covariance: covarianceRows(cov),
    logLik: [logLik0, current.logLik],
    iterations: iter,
    converged: true,
    mleExists,
    warnings,
  };
}

interface PartialLikelihood {
  readonly logLik: number;
  readonly score: Float64Array;
  readonly information: SquareMatrix;
}

/** Log partial likelihood, score and observed information, risk sets accumulated from the last time back. */
function partialLikelihood(
  data: SurvivalData,
  x: readonly (readonly number[])[],
  order: readonly number[],
  beta: ArrayLike<number>,
  ties: CoxTies,
): PartialLikelihood {
  const p = beta.length;
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const d1 = new Float64Array(p);
  const d2 = new Float64Array(p * p);
  const score = new Float64Array(p);
  const info = new Float64Array(p * p);
  let s0 = 0;
  let logLik = 0;
  const mean = new Float64Array(p);
  for (let b = order.length; b > 0;) {
    const t = data.time[order[b - 1]!]!;
    let a = b - 1;
    while (a > 0 && data.time[order[a - 1]!] === t) a--;
    let deaths = 0;
    let d0 = 0;
    d1.fill(0);
    d2.fill(0);
    for (let k = a; k < b; k++) {
      const i = order[k]!;
      const row = x[i]!;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += row[j]! * beta[j]!;
      const r = Math.exp(eta);
      s0 += r;
      for (let j = 0; j < p; j++) {
        s1[j]! += r * row[j]!;
        for (let l = 0; l <= j; l++) s2[j * p + l]! += r * row[j]! * row[l]!;
      }
      if (data.status[i] === 1) {
        deaths++;
        logLik += eta;
        d0 += r;
        for (let j = 0; j < p; j++) {
          score[j]! += row[j]!;
          d1[j]! += r * row[j]!;
          for (let l = 0; l <= j; l++) d2[j * p + l]! += r * row[j]! * row[l]!;
        }
      }
    }
    const efron = ties === 'efron' && deaths > 1;
    for (let k = 0; k < deaths; k++) {
      const f = efron ? k / deaths : 0;
      const den = s0 - f * d0;
      logLik -= Math.log(den);
      for (let j = 0; j < p; j++) {
        mean[j] = (s1[j]! - f * d1[j]!) / den;
        score[j]! -= mean[j]!;
      }
      for (let j = 0; j < p; j++)
        for (let l = 0; l <= j; l++)
          info[j * p + l]! += (s2[j * p + l]! - f * d2[j * p + l]!) / den - mean[j]! * mean[l]!;
    }
    b = a;
  }
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) info[l * p + j] = info[j * p + l]!;
  return { logLik, score, information: { n: p, data: info } };
}

/**
 * Exact existence check of the maximum partial likelihood (module comment) on the differences
 * xᵢ − x_q between each event's covariate pattern and each pattern still at risk at its time.
 */
function coxMleExists(
  data: SurvivalData,
  x: DesignMatrix,
  order: readonly number[],
  warnings: string[],
): boolean | null {
  const keyOf = x.map((r) => r.join(','));
  const patterns = [...new Set(keyOf)];
  if (patterns.length * patterns.length > MAX_PATTERN_PAIRS) {
    warnings.push('too many covariate patterns: the infinite-coefficient check was not run');
    return null;
  }
  const patternIndex = new Map(patterns.map((k, i) => [k, i]));
  const pid = keyOf.map((k) => patternIndex.get(k)!);
  const rowOf = new Map<number, readonly number[]>();
  pid.forEach((q, i) => rowOf.set(q, x[i]!));
  const atRisk = new Array<number>(patterns.length).fill(0);
  pid.forEach((q) => atRisk[q]!++);
  const pairs = new Set<number>();
  const vectors: number[][] = [];
  for (let a = 0; a < order.length;) {
    const t = data.time[order[a]!]!;
    let b = a;
    while (b < order.length && data.time[order[b]!] === t) b++;
    for (let k = a; k < b; k++) {
      const i = order[k]!;
      if (data.status[i] !== 1) continue;
      const pi = pid[i]!;
      for (let q = 0; q < patterns.length; q++) {
        if (q === pi || atRisk[q] === 0 || pairs.has(pi * patterns.length + q)) continue;
        pairs.add(pi * patterns.length + q);
        const xi = x[i]!;
        const xq = rowOf.get(q)!;
        vectors.push(xi.map((v, j) => v - xq[j]!));
      }
    }
    for (let k = a; k < b; k++) atRisk[pid[order[k]!]!]!--;
    a = b;
  }
  return positiveNullCombinationExists(vectors);
}

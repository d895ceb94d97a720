/**
 * Firth's penalised-likelihood logistic regression: maximises l(β) + ½ log det I(β) (Jeffreys prior;
 * Firth 1993), which for the logit link is the same estimator as brglm2's type "MPL_Jeffreys" and
 * "AS_mean" and logistf's point estimate. Finite even under separation (Kosmidis & Firth 2021).
 *
 * Newton-type (Fisher scoring) iteration on the modified score U*(β) = Xᵀ(y − μ + h ∘ (½ − μ)), h the
 * diagonal of the hat matrix W^½X(XᵀWX)⁻¹XᵀW^½, step β ← β + (XᵀWX)⁻¹U*, halved while the penalised
 * log-likelihood decreases; start at β = 0; stop when max|U*| < 1e-10. SE = √diag (XᵀWX)⁻¹ at the
 * estimate, z and p Wald with the normal (brglm2's summary; logistf would report profile penalised
 * likelihood p-values instead).
 */
import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve, type SquareMatrix } from '../linalg/dense.js';
import { binomialFamily } from './family.js';
import type { LogisticFit } from './logistic.js';
import { logisticMleExists } from './separation.js';
import { coefficientNames, notEstimableCoefficients, type DesignMatrix } from './types.js';
import { covarianceRows, waldCoefficients } from './wald.js';

const MAX_ITERATIONS = 200;
const SCORE_TOLERANCE = 1e-10;

interface Quantities {
  readonly mu: Float64Array;
  readonly factor: SquareMatrix;
  readonly penalisedLogLik: number;
}

export function fitFirthLogistic(x: DesignMatrix, y: readonly number[], names?: readonly string[]): LogisticFit {
  const p = x[0]!.length;
  const labels = coefficientNames(p, names);
  const separation = !logisticMleExists(x, y);
  const warnings: string[] = [];
  if (separation)
    warnings.push('separation (complete or quasi-complete): the Firth estimate is finite, the ML estimate is not');
  let beta = new Float64Array(p);
  let q = quantities(x, y, beta);
  let converged = false;
  let iter = 0;
  for (iter = 1; iter <= MAX_ITERATIONS && q !== null; iter++) {
    const score = modifiedScore(x, y, q);
    if (score.every((u) => Math.abs(u) < SCORE_TOLERANCE)) {
      converged = true;
      break;
    }
    const step = choleskySolve(q.factor, score);
    let next: Quantities | null = null;
    let candidate = beta;
    for (let scale = 1; scale > 1e-6; scale /= 2) {
      candidate = beta.map((b, j) => b + scale * step[j]!);
      next = quantities(x, y, candidate);
      if (next !== null && next.penalisedLogLik >= q.penalisedLogLik - 1e-12 * Math.abs(q.penalisedLogLik)) break;
    }
    if (next === null) break;
    beta = candidate;
    q = next;
  }
  iter = Math.min(iter, MAX_ITERATIONS);
  const base = { method: 'FIRTH' as const, separation, iterations: iter, converged, warnings };
  if (q === null || !converged) {
    warnings.push(q === null ? 'the information matrix XᵀWX is singular' : 'Firth iteration did not converge');
    return {
      ...base,
      estimable: false,
      coefficients: notEstimableCoefficients(labels),
      covariance: null,
      deviance: null,
    };
  }
  const cov = choleskyInverse(q.factor);
  let deviance = 0;
  for (let i = 0; i < y.length; i++) deviance += binomialFamily.unitDeviance(y[i]!, q.mu[i]!);
  return {
    ...base,
    estimable: true,
    coefficients: waldCoefficients(labels, beta, cov),
    covariance: covarianceRows(cov),
    deviance,
  };
}

function quantities(x: DesignMatrix, y: readonly number[], beta: Float64Array): Quantities | null {
  const n = x.length;
  const p = beta.length;
  const mu = new Float64Array(n);
  const info = new Float64Array(p * p);
  let logLik = 0;
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    let eta = 0;
    for (let j = 0; j < p; j++) eta += row[j]! * beta[j]!;
    const m = 1 / (1 + Math.exp(-eta));
    mu[i] = m;
    // log(1 + e^{−|η|}) form keeps the log-likelihood finite for large |η|
    logLik += y[i]! * eta - (Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))));
    const w = m * (1 - m);
    for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) info[a * p + b]! += w * row[a]! * row[b]!;
  }
  const factor = cholesky({ n: p, data: info });
  if (factor === null) return null;
  return { mu, factor, penalisedLogLik: logLik + 0.5 * choleskyLogDet(factor) };
}

function modifiedScore(x: DesignMatrix, y: readonly number[], q: Quantities): Float64Array {
  const p = q.factor.n;
  const u = new Float64Array(p);
  for (let i = 0; i < x.length; i++) {
    const row = x[i]!;
    const m = q.mu[i]!;
    const w = m * (1 - m);
    const v = choleskySolve(q.factor, row);
    let h = 0;
    for (let j = 0; j < p; j++) h += row[j]! * v[j]!;
    h *= w;
    const r = y[i]! - m + h * (0.5 - m);
    for (let j = 0; j < p; j++) u[j]! += r * row[j]!;
  }
  return u;
}

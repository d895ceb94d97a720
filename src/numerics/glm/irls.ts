/**
 * Iteratively reweighted least squares exactly as R's stats::glm.fit (R 4.2): start from the family's
 * `mustart` (or a given η), solve the weighted least squares of the working response z = η − offset +
 * (y − μ)/μ'(η) with weights μ'(η)²/V(μ), stop when |dev − dev_old| / (|dev| + 0.1) < ε, halve the step
 * towards the previous coefficients while the deviance is not finite or μ leaves its domain.
 *
 * As in glm.fit (and hence summary.glm), the covariance is (XᵀWX)⁻¹ with the weights W of the last
 * iteration — the ones that produced the returned coefficients — so standard errors agree with R's to
 * round-off, not merely to the convergence tolerance. The weighted least squares is solved through the
 * Cholesky factor of XᵀWX rather than R's pivoted QR: a factor that fails signals rank deficiency.
 */
import { cholesky, choleskyInverse, choleskySolve, type SquareMatrix } from '../linalg/dense.js';
import type { GlmFamily } from './family.js';
import type { DesignMatrix, IrlsControl } from './types.js';

export interface IrlsInput {
  readonly x: DesignMatrix;
  readonly y: readonly number[];
  readonly family: GlmFamily;
  readonly offset?: readonly number[];
  /** Starting linear predictor (glm.fit's etastart); otherwise the family's link(mustart). */
  readonly etaStart?: readonly number[];
  readonly control?: IrlsControl;
}

export interface IrlsResult {
  /** null when XᵀWX was singular at some iteration (rank-deficient design or degenerate weights). */
  readonly beta: Float64Array | null;
  readonly covariance: SquareMatrix | null;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: string[];
}

export function fitIrls(input: IrlsInput): IrlsResult {
  const { x, y, family } = input;
  const n = x.length;
  const p = x[0]!.length;
  const epsilon = input.control?.epsilon ?? 1e-8;
  const maxit = input.control?.maxIterations ?? 25;
  const offset = input.offset ?? new Array<number>(n).fill(0);
  const warnings: string[] = [];

  let eta = new Float64Array(n);
  for (let i = 0; i < n; i++) eta[i] = input.etaStart ? input.etaStart[i]! : family.link(family.initialMu(y[i]!));
  let mu = eta.map((e) => family.linkInverse(e));
  let devold = totalDeviance(family, y, mu);
  let coef: Float64Array | null = null;
  let coefold: Float64Array | null = null;
  let factor: SquareMatrix | null = null;
  let converged = false;
  let dev = devold;
  let iter = 0;

  for (iter = 1; iter <= maxit; iter++) {
    const xtwx = new Float64Array(p * p);
    const xtwz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const d = family.muEta(eta[i]!);
      const z = eta[i]! - offset[i]! + (y[i]! - mu[i]!) / d;
      const w = (d * d) / family.variance(mu[i]!);
      const row = x[i]!;
      for (let a = 0; a < p; a++) {
        const wa = w * row[a]!;
        xtwz[a]! += wa * z;
        for (let b = 0; b <= a; b++) xtwx[a * p + b]! += wa * row[b]!;
      }
    }
    factor = cholesky({ n: p, data: xtwx });
    if (factor === null) {
      warnings.push(
        'the weighted cross-product matrix XᵀWX is singular: design is rank deficient or weights degenerate',
      );
      return { beta: null, covariance: null, eta, mu, deviance: dev, iterations: iter, converged: false, warnings };
    }
    let start = choleskySolve(factor, xtwz);
    if (!start.every(Number.isFinite)) {
      warnings.push(`non-finite coefficients at iteration ${iter}`);
      break;
    }
    ({ eta, mu } = predict(x, start, offset, family));
    dev = totalDeviance(family, y, mu);
    // glm.fit's two step-halving loops (non-finite deviance, then μ outside its domain)
    for (let half = 0; !(Number.isFinite(dev) && validMu(family, mu)); half++) {
      if (coefold === null || half >= maxit) {
        warnings.push('no valid set of coefficients found: step-halving failed');
        return { beta: null, covariance: null, eta, mu, deviance: dev, iterations: iter, converged: false, warnings };
      }
      const old: Float64Array = coefold;
      start = start.map((s, j) => (s + old[j]!) / 2);
      ({ eta, mu } = predict(x, start, offset, family));
      dev = totalDeviance(family, y, mu);
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      coef = start;
      break;
    }
    devold = dev;
    coef = coefold = start;
  }
  if (!converged) warnings.push('IRLS did not converge');
  if (iter > maxit) iter = maxit;
  return {
    beta: coef,
    covariance: factor ? choleskyInverse(factor) : null,
    eta,
    mu,
    deviance: dev,
    iterations: iter,
    converged,
    warnings,
  };
}

function predict(x: DesignMatrix, beta: Float64Array, offset: readonly number[], family: GlmFamily) {
  const n = x.length;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = offset[i]!;
    const row = x[i]!;
    for (let j = 0; j < beta.length; j++) s += row[j]! * beta[j]!;
    eta[i] = s;
  }
  return { eta, mu: eta.map((e) => family.linkInverse(e)) };
}

export function totalDeviance(family: GlmFamily, y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += family.unitDeviance(y[i]!, mu[i]!);
  return s;
}

function validMu(family: GlmFamily, mu: Float64Array): boolean {
  if (family.name === 'binomial') return mu.every((m) => Number.isFinite(m) && m > 0 && m < 1);
  return mu.every((m) => Number.isFinite(m) && m > 0);
}

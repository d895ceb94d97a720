/**
 * Poisson regression with log link and an offset (log exposure), IRLS as R's
 * glm(y ~ … + offset(log(t)), family = poisson) (./irls.ts), Wald SE/z/p. A fit whose MLE does not exist
 * (./separation.ts: e.g. a group with no events, whose coefficient tends to −∞ while glm stops near −20
 * and calls it converged) is not estimable. Reports Σ(y − μ̂)² and Σy, the SAP's overdispersion check.
 */
import { poissonFamily } from './family.js';
import { fitIrls } from './irls.js';
import { logLinearMleExists } from './separation.js';
import {
  checkDesign,
  coefficientNames,
  notEstimableCoefficients,
  type DesignMatrix,
  type GlmFitBase,
  type IrlsControl,
} from './types.js';
import { covarianceRows, waldCoefficients } from './wald.js';

export interface CountModelOptions {
  readonly names?: readonly string[];
  /** log exposure per row (e.g. log patient-years); default 0. */
  readonly offset?: readonly number[];
  readonly control?: IrlsControl;
}

export interface PoissonFit extends GlmFitBase {
  readonly method: 'POISSON';
  /** false when some coefficient tends to ±∞ (e.g. a group with no events). */
  readonly mleExists: boolean;
  /** Σ(yᵢ − μ̂ᵢ)² at the Poisson fit; ≤ sumY means no overdispersion (null when not estimable). */
  readonly sumSquaredResiduals: number | null;
  readonly sumY: number;
  /** Fitted means μ̂ (null when not estimable). */
  readonly fitted: readonly number[] | null;
}

export function fitPoisson(x: DesignMatrix, y: readonly number[], options: CountModelOptions = {}): PoissonFit {
  checkCounts(x, y, options.offset);
  const names = coefficientNames(x[0]!.length, options.names);
  const mleExists = logLinearMleExists(x, y);
  const fit = fitIrls({
    x,
    y,
    family: poissonFamily,
    ...(options.offset ? { offset: options.offset } : {}),
    ...(options.control ? { control: options.control } : {}),
  });
  const warnings = [...fit.warnings];
  if (fit.mu.some((m) => m < 10 * Number.EPSILON)) warnings.push('fitted rates numerically 0 occurred');
  if (!mleExists)
    warnings.push(
      'the maximum likelihood estimate does not exist (a coefficient tends to ±∞, e.g. a group with no events)',
    );
  const sumY = y.reduce((s, v) => s + v, 0);
  const base = {
    method: 'POISSON' as const,
    mleExists,
    sumY,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings,
  };
  if (!mleExists || !fit.converged || fit.beta === null || fit.covariance === null)
    return {
      ...base,
      estimable: false,
      coefficients: notEstimableCoefficients(names),
      covariance: null,
      deviance: null,
      sumSquaredResiduals: null,
      fitted: null,
    };
  let ss = 0;
  for (let i = 0; i < y.length; i++) ss += (y[i]! - fit.mu[i]!) ** 2;
  return {
    ...base,
    estimable: true,
    coefficients: waldCoefficients(names, fit.beta, fit.covariance),
    covariance: covarianceRows(fit.covariance),
    deviance: fit.deviance,
    sumSquaredResiduals: ss,
    fitted: Array.from(fit.mu),
  };
}

export function checkCounts(x: DesignMatrix, y: readonly number[], offset: readonly number[] | undefined): void {
  checkDesign(x, y, offset);
  if (!y.every((v) => Number.isInteger(v) && v >= 0))
    throw new Error('count model: the response must be whole numbers ≥ 0');
}

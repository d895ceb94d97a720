/**
 * Logistic regression (binomial, logit link) by maximum likelihood, IRLS as R's glm(family = binomial)
 * (./irls.ts), with Wald SE, z and normal p. Before reporting, the existence of the MLE is decided
 * exactly (./separation.ts): a separated fit — complete or quasi-complete — is not estimable and its
 * coefficients are null, never the large finite number glm stops at. Firth's penalised likelihood
 * (`method: 'firth'`, ./firth-logistic.ts) stays finite under separation.
 */
import { binomialFamily } from './family.js';
import { fitFirthLogistic } from './firth-logistic.js';
import { fitIrls } from './irls.js';
import { logisticMleExists } from './separation.js';
import {
  checkDesign,
  coefficientNames,
  notEstimableCoefficients,
  type DesignMatrix,
  type GlmFitBase,
  type IrlsControl,
} from './types.js';
import { covarianceRows, waldCoefficients } from './wald.js';

export interface LogisticOptions {
  readonly names?: readonly string[];
  /** 'ml' (default): glm; 'firth': Jeffreys-prior penalised likelihood (brglm2 "MPL_Jeffreys"). */
  readonly method?: 'ml' | 'firth';
  readonly control?: IrlsControl;
}

export interface LogisticFit extends GlmFitBase {
  readonly method: 'ML' | 'FIRTH';
  /** Complete or quasi-complete separation: the ML estimate does not exist. */
  readonly separation: boolean;
}

export function fitLogistic(x: DesignMatrix, y: readonly number[], options: LogisticOptions = {}): LogisticFit {
  checkBinaryResponse(x, y);
  if (options.method === 'firth') return fitFirthLogistic(x, y, options.names);
  const names = coefficientNames(x[0]!.length, options.names);
  const separation = !logisticMleExists(x, y);
  const fit = fitIrls({ x, y, family: binomialFamily, ...(options.control ? { control: options.control } : {}) });
  const warnings = [...fit.warnings];
  if (fit.mu.some((m) => m > 1 - 10 * Number.EPSILON || m < 10 * Number.EPSILON))
    warnings.push('fitted probabilities numerically 0 or 1 occurred');
  if (separation)
    warnings.push('separation (complete or quasi-complete): the maximum likelihood estimate does not exist');
  const base = { method: 'ML' as const, separation, iterations: fit.iterations, converged: fit.converged, warnings };
  if (separation || !fit.converged || fit.beta === null || fit.covariance === null)
    return {
      ...base,
      estimable: false,
      coefficients: notEstimableCoefficients(names),
      covariance: null,
      deviance: null,
    };
  return {
    ...base,
    estimable: true,
    coefficients: waldCoefficients(names, fit.beta, fit.covariance),
    covariance: covarianceRows(fit.covariance),
    deviance: fit.deviance,
  };
}

export function checkBinaryResponse(x: DesignMatrix, y: readonly number[]): void {
  checkDesign(x, y);
  if (!y.every((v) => v === 0 || v === 1)) throw new Error('logistic regression: the response must be 0 or 1');
}

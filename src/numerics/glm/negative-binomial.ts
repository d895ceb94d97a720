/**
 * Negative binomial regression (NB2: variance μ + μ²/θ) with log link and offset, exactly as
 * MASS::glm.nb (MASS 7.3, default control ε = 1e-8, 25 iterations): a Poisson fit, θ by
 * MASS::theta.ml (./theta-ml.ts), then alternate an IRLS fit of the negative.binomial(θ) family started
 * from the previous η with a new θ.ml (computed, as glm.nb does, from the means before that IRLS fit)
 * until |ΔlogLik|/√(2·max(1, n − p)) + |Δθ| ≤ ε. Coefficient SEs are those of the last IRLS fit with θ
 * fixed (summary.negbin: dispersion 1), z and p Wald with the normal.
 *
 * θ = ∞ (no overdispersion) is reported through `poissonFallback` with its reasons, the SAP's rule:
 * Σ(y − μ̂)² ≤ Σy at the Poisson fit, θ > 10⁶, or no convergence (alternation limit, θ.ml at its
 * iteration limit or truncated at 0). When the MLE does not exist (e.g. a group with no events) the fit is
 * not estimable and no fallback is suggested (the Poisson fit has the same defect).
 */
import { negativeBinomialFamily } from './family.js';
import { fitIrls } from './irls.js';
import { checkCounts, fitPoisson, type CountModelOptions, type PoissonFit } from './poisson.js';
import { negativeBinomialLogLik, thetaMl } from './theta-ml.js';
import { coefficientNames, notEstimableCoefficients, type DesignMatrix, type GlmFitBase } from './types.js';
import { covarianceRows, waldCoefficients } from './wald.js';

/** θ above this is treated as infinite (Poisson), the SAP's 10⁶. */
export const THETA_DIVERGENCE_LIMIT = 1e6;

export interface NegativeBinomialFit extends GlmFitBase {
  readonly method: 'NEGBIN';
  readonly theta: number | null;
  /** MASS's SE.theta (1/√observed information of θ at its last Newton step). */
  readonly thetaSe: number | null;
  /** 2 × log-likelihood at the estimate (glm.nb's twologlik). */
  readonly twoLogLik: number | null;
  /** Outer θ ↔ β alternations. */
  readonly alternations: number;
  readonly mleExists: boolean;
  /** The dispersion's ML is at θ = ∞ (or was not found): report the Poisson fit instead. */
  readonly poissonFallback: boolean;
  readonly fallbackReasons: string[];
  /** The initial Poisson fit (what a fallback reports). */
  readonly poisson: PoissonFit;
}

export function fitNegativeBinomial(
  x: DesignMatrix,
  y: readonly number[],
  options: CountModelOptions = {},
): NegativeBinomialFit {
  checkCounts(x, y, options.offset);
  const n = x.length;
  const p = x[0]!.length;
  const names = coefficientNames(p, options.names);
  const epsilon = options.control?.epsilon ?? 1e-8;
  const maxit = options.control?.maxIterations ?? 25;
  const poisson = fitPoisson(x, y, options);
  const notEstimable = (warnings: string[], poissonFallback: boolean, fallbackReasons: string[]): NegativeBinomialFit => ({
    method: 'NEGBIN',
    estimable: false,
    coefficients: notEstimableCoefficients(names),
    covariance: null,
    deviance: null,
    iterations: 0,
    converged: false,
    warnings,
    theta: null,
    thetaSe: null,
    twoLogLik: null,
    alternations: 0,
    mleExists: poisson.mleExists,
    poissonFallback,
    fallbackReasons,
    poisson,
  });
  if (!poisson.estimable || poisson.fitted === null)
    return notEstimable([...poisson.warnings, 'the Poisson starting fit is not estimable'], false, []);

  const reasons: string[] = [];
  if (poisson.sumSquaredResiduals! <= poisson.sumY)
    reasons.push('no overdispersion at the Poisson fit: Σ(y − μ̂)² ≤ Σy');

  const warnings: string[] = [];
  let mu: Float64Array = Float64Array.from(poisson.fitted);
  let th = thetaMl(y, mu, maxit);
  let thetaWarnings = th.warnings;
  const d1 = Math.sqrt(2 * Math.max(1, n - p));
  const d2 = 1;
  let del = 1;
  let lm = negativeBinomialLogLik(th.theta, y, mu);
  let lm0 = lm + 2 * d1;
  let iter = 0;
  let fit: ReturnType<typeof fitIrls> | null = null;
  while (++iter <= maxit && Math.abs(lm0 - lm) / d1 + Math.abs(del) / d2 > epsilon) {
    if (!(th.theta > 0) || !Number.isFinite(th.theta)) break;
    fit = fitIrls({
      x,
      y,
      family: negativeBinomialFamily(th.theta),
      etaStart: Array.from(mu, Math.log),
      ...(options.offset ? { offset: options.offset } : {}),
      control: { epsilon, maxIterations: maxit },
    });
    if (fit.beta === null) break;
    const t0 = th.theta;
    th = thetaMl(y, mu, maxit); // glm.nb: θ from the means before this IRLS fit
    thetaWarnings = th.warnings;
    mu = fit.mu;
    del = t0 - th.theta;
    lm0 = lm;
    lm = negativeBinomialLogLik(th.theta, y, mu);
  }
  const alternations = Math.min(iter, maxit);
  warnings.push(...thetaWarnings);
  const alternationLimit = iter > maxit;
  if (alternationLimit) warnings.push('alternation limit reached');
  if (fit === null || fit.beta === null || fit.covariance === null) {
    warnings.push(...(fit?.warnings ?? []), 'negative binomial fit failed');
    return notEstimable(warnings, true, [...reasons, 'the negative binomial fit failed']);
  }
  warnings.push(...fit.warnings);
  const converged = fit.converged && !alternationLimit && thetaWarnings.length === 0 && th.theta > 0;
  if (th.theta > THETA_DIVERGENCE_LIMIT) reasons.push(`theta > ${THETA_DIVERGENCE_LIMIT}`);
  if (!converged) reasons.push('the negative binomial fit did not converge');
  return {
    method: 'NEGBIN',
    estimable: converged,
    coefficients: converged ? waldCoefficients(names, fit.beta, fit.covariance) : notEstimableCoefficients(names),
    covariance: converged ? covarianceRows(fit.covariance) : null,
    deviance: converged ? fit.deviance : null,
    iterations: fit.iterations,
    converged,
    warnings,
    theta: converged ? th.theta : null,
    thetaSe: converged ? th.se : null,
    twoLogLik: converged ? 2 * lm : null,
    alternations,
    mleExists: true,
    poissonFallback: reasons.length > 0,
    fallbackReasons: reasons,
    poisson,
  };
}

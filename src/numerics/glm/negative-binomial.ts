/**
 * Negative binomial regression (NB2: variance μ + μ²/θ) with log link and offset, as MASS::glm.nb
 * (MASS 7.3, default control ε = 1e-8, 25 iterations): a Poisson fit, θ by MASS::theta.ml
 * (./theta-ml.ts), then alternate an IRLS fit of the negative.binomial(θ) family started from the
 * previous η with a new θ.ml (computed, as glm.nb does, from the means before that IRLS fit) until
 * |ΔlogLik|/√(2·max(1, n − p)) + |Δθ| ≤ ε. Coefficient SEs are those of the last IRLS fit with θ fixed
 * (summary.negbin: dispersion 1), z and p Wald with the normal.
 *
 * Where that alternation stops at an iteration limit (θ.ml's Newton steps creep when the likelihood is
 * flat in θ, i.e. θ large and overdispersion barely present), the same maximum — the one glm.nb reaches
 * with a larger maxit — is found on the profile likelihood of θ (./theta-profile.ts), and the fit is
 * the IRLS fit at that θ̂. An iteration limit is therefore never mistaken for θ = ∞.
 *
 * θ = ∞ (no overdispersion) is reported through `poissonFallback` with its reasons, the SAP's rule with
 * the caller's limit `thetaMax` (the trial's setting; numerics holds no trial rule): Σ(y − μ̂)² ≤ Σy at
 * the Poisson fit, θ̂ > thetaMax (or the likelihood still increasing at thetaMax), or a fit that failed.
 * When the MLE does not exist (e.g. a group with no events) the fit is not estimable and no fallback is
 * suggested (the Poisson fit has the same defect).
 */
import { negativeBinomialFamily } from './family.js';
import { fitIrls, type IrlsResult } from './irls.js';
import { checkCounts, fitPoisson, type CountModelOptions, type PoissonFit } from './poisson.js';
import { negativeBinomialLogLik, thetaMl, type ThetaEstimate } from './theta-ml.js';
import { maximizeThetaProfile, thetaInformationCounts } from './theta-profile.js';
import { coefficientNames, notEstimableCoefficients, type DesignMatrix, type GlmFitBase } from './types.js';
import { covarianceRows, waldCoefficients } from './wald.js';

export interface NegativeBinomialOptions extends CountModelOptions {
  /** θ above this is treated as infinite: no overdispersion, the Poisson fit is reported. */
  readonly thetaMax: number;
}

export interface NegativeBinomialFit extends GlmFitBase {
  readonly method: 'NEGBIN';
  readonly theta: number | null;
  /** MASS's SE.theta (1/√observed information of θ at its last Newton step). */
  readonly thetaSe: number | null;
  /** 2 × log-likelihood at the estimate (glm.nb's twologlik). */
  readonly twoLogLik: number | null;
  /** Outer θ ↔ β alternations (glm.nb's algorithm). */
  readonly alternations: number;
  /** How θ̂ was found: glm.nb's alternation, or the profile likelihood where that hit its limit. */
  readonly thetaSearch: 'alternation' | 'profile';
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
  options: NegativeBinomialOptions,
): NegativeBinomialFit {
  if (!(options.thetaMax > 0)) throw new Error('negative binomial: thetaMax must be > 0');
  checkCounts(x, y, options.offset);
  const names = coefficientNames(x[0]!.length, options.names);
  const epsilon = options.control?.epsilon ?? 1e-8;
  const maxit = options.control?.maxIterations ?? 25;
  const poisson = fitPoisson(x, y, options);
  const notEstimable = (
    warnings: string[],
    poissonFallback: boolean,
    fallbackReasons: string[],
  ): NegativeBinomialFit => ({
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
    thetaSearch: 'alternation',
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

  const alt = glmNbAlternation(x, y, poisson.fitted, options.offset, epsilon, maxit);
  const fromAlternation = alt.fit !== null && alt.converged;
  // glm.nb's answer where it converges; else the profile likelihood, unless the Poisson fit already
  // shows θ = ∞ (rule (i)), which needs no search.
  if (!fromAlternation && reasons.length === 0) {
    const profile = maximizeThetaProfile({
      x,
      y,
      ...(options.offset ? { offset: options.offset } : {}),
      muStart: poisson.fitted,
      thetaMax: options.thetaMax,
      maxIterations: maxit,
    });
    if (profile.status === 'maximum') {
      const final = fitIrls({
        x,
        y,
        family: negativeBinomialFamily(profile.theta),
        etaStart: Array.from(profile.eta),
        ...(options.offset ? { offset: options.offset } : {}),
        control: { epsilon, maxIterations: maxit },
      });
      const information = thetaInformationCounts(profile.theta, y, final.mu);
      const th: ThetaEstimate = { theta: profile.theta, se: Math.sqrt(1 / information), warnings: [] };
      const note = `theta ${profile.theta} from the profile likelihood (glm.nb's alternation: ${alt.warnings.join('; ') || 'no convergence'})`;
      return negativeBinomialResult(
        names,
        final,
        th,
        final.converged,
        alt.alternations,
        'profile',
        reasons,
        poisson,
        options.thetaMax,
        y,
        [note, ...final.warnings],
      );
    }
    const warnings = [...alt.warnings, `θ profile: ${profile.reason}`];
    if (profile.status === 'beyond-max')
      return notEstimable(warnings, true, [
        `the maximum likelihood of theta exceeds ${options.thetaMax} (no overdispersion)`,
      ]);
    return notEstimable(warnings, true, ['the negative binomial fit did not converge']);
  }
  if (alt.fit === null || alt.fit.beta === null || alt.fit.covariance === null)
    return notEstimable([...alt.warnings, 'negative binomial fit failed'], true, [
      ...reasons,
      'the negative binomial fit failed',
    ]);
  return negativeBinomialResult(
    names,
    alt.fit,
    alt.theta,
    alt.converged,
    alt.alternations,
    'alternation',
    reasons,
    poisson,
    options.thetaMax,
    y,
    alt.warnings,
  );
}

interface AlternationResult {
  readonly fit: IrlsResult | null;
  readonly theta: ThetaEstimate;
  readonly alternations: number;
  readonly converged: boolean;
  readonly warnings: string[];
}

/** glm.nb's loop, step for step (see the header): θ.ml ↔ IRLS until the change is below ε. */
function glmNbAlternation(
  x: DesignMatrix,
  y: readonly number[],
  poissonMu: readonly number[],
  offset: readonly number[] | undefined,
  epsilon: number,
  maxit: number,
): AlternationResult {
  const n = x.length;
  const p = x[0]!.length;
  const warnings: string[] = [];
  let mu: Float64Array = Float64Array.from(poissonMu);
  let th = thetaMl(y, mu, maxit);
  let thetaWarnings = th.warnings;
  const d1 = Math.sqrt(2 * Math.max(1, n - p));
  const d2 = 1;
  let del = 1;
  let lm = negativeBinomialLogLik(th.theta, y, mu);
  let lm0 = lm + 2 * d1;
  let iter = 0;
  let fit: IrlsResult | null = null;
  while (++iter <= maxit && Math.abs(lm0 - lm) / d1 + Math.abs(del) / d2 > epsilon) {
    if (!(th.theta > 0) || !Number.isFinite(th.theta)) break;
    fit = fitIrls({
      x,
      y,
      family: negativeBinomialFamily(th.theta),
      etaStart: Array.from(mu, Math.log),
      ...(offset ? { offset } : {}),
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
  warnings.push(...thetaWarnings);
  const alternationLimit = iter > maxit;
  if (alternationLimit) warnings.push('alternation limit reached');
  warnings.push(...(fit?.warnings ?? []));
  const converged =
    fit !== null &&
    fit.beta !== null &&
    fit.converged &&
    !alternationLimit &&
    thetaWarnings.length === 0 &&
    th.theta > 0;
  return { fit, theta: th, alternations: Math.min(iter, maxit), converged, warnings };
}

/** The fit at θ̂ with the SAP's θ = ∞ reasons (those found so far plus θ̂ > thetaMax). */
function negativeBinomialResult(
  names: readonly string[],
  fit: IrlsResult,
  th: ThetaEstimate,
  thetaConverged: boolean,
  alternations: number,
  thetaSearch: 'alternation' | 'profile',
  reasonsSoFar: readonly string[],
  poisson: PoissonFit,
  thetaMax: number,
  y: readonly number[],
  warningsSoFar: readonly string[] = fit.warnings,
): NegativeBinomialFit {
  const reasons = [...reasonsSoFar];
  const converged = thetaConverged && fit.converged && fit.beta !== null && fit.covariance !== null;
  if (th.theta > thetaMax) reasons.push(`theta > ${thetaMax}`);
  if (!converged) reasons.push('the negative binomial fit did not converge');
  const beta = fit.beta;
  const cov = fit.covariance;
  const ok = converged && beta !== null && cov !== null;
  return {
    method: 'NEGBIN',
    estimable: ok,
    coefficients: ok ? waldCoefficients(names, beta, cov) : notEstimableCoefficients(names),
    covariance: ok ? covarianceRows(cov) : null,
    deviance: ok ? fit.deviance : null,
    iterations: fit.iterations,
    converged: ok,
    warnings: [...warningsSoFar],
    theta: ok ? th.theta : null,
    thetaSe: ok ? th.se : null,
    twoLogLik: ok ? 2 * negativeBinomialLogLik(th.theta, y, fit.mu) : null,
    alternations,
    thetaSearch,
    mleExists: true,
    poissonFallback: reasons.length > 0,
    fallbackReasons: reasons,
    poisson,
  };
}

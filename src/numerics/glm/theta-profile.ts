/**
 * The joint maximum likelihood (β̂, θ̂) of a negative binomial regression found on the profile
 * log-likelihood of θ, for when MASS::glm.nb's alternation (θ.ml Newton steps ↔ IRLS) stops at its
 * iteration limit: where the likelihood is flat in θ (large θ, overdispersion barely present) θ.ml's
 * Newton steps in θ creep and 25 of them do not reach the maximum that glm.nb with a larger maxit finds.
 *
 * ℓp(θ) = max_β ℓ(β, θ) (an IRLS fit of the negative.binomial(θ) family); by the envelope theorem
 * dℓp/dθ = ∂ℓ/∂θ at β̂(θ), the θ score at the fitted means. In u = log θ the maximum is bracketed by
 * stepping uphill from the moment estimate with doubling steps, then located by Brent's root finder on
 * the profile score (./brent-root.ts), which keeps the bracket and so converges to a maximum. The search
 * is confined to [θ_min, θMax] where θMax is the caller's divergence limit: a score still increasing at
 * θMax means the maximum lies beyond it (θ → ∞ when there is no overdispersion), which is reported, not
 * approximated.
 *
 * The score and information are evaluated in a cancellation-free form for whole-number counts (each
 * term O(1/θ²) rather than a difference of O(1/θ) digammas), so their signs stay reliable for θ up to
 * ~10⁸.
 */
import { negativeBinomialFamily } from './family.js';
import { fitIrls, type IrlsResult } from './irls.js';
import { brentRoot } from './brent-root.js';
import type { DesignMatrix } from './types.js';

/** Smallest θ searched (variance ≈ μ²·10⁶: far beyond any count data). */
const THETA_MIN = 1e-6;
/** IRLS tolerance of the profile fits: tighter than glm's 1e-8 so the profile score is not noise. */
const PROFILE_IRLS_EPSILON = 1e-11;
/** Tolerance in u = log θ (relative tolerance in θ). */
const U_TOLERANCE = 1e-11;

export interface ProfileInput {
  readonly x: DesignMatrix;
  readonly y: readonly number[];
  readonly offset?: readonly number[];
  /** Fitted means to start from (the Poisson fit): the moment estimate of θ and the first η. */
  readonly muStart: ArrayLike<number>;
  /** The search stops here: a larger maximum is reported as `beyond-max`. */
  readonly thetaMax: number;
  readonly maxIterations: number;
}

export type ProfileResult =
  | {
      readonly status: 'maximum';
      readonly theta: number;
      readonly evaluations: number;
      /** η of the last profile fit (offset included): a warm start for the final fit at θ̂. */
      readonly eta: Float64Array;
    }
  | {
      readonly status: 'beyond-max' | 'below-min' | 'failed';
      readonly theta: null;
      readonly evaluations: number;
      readonly reason: string;
    };

interface ProfilePoint {
  readonly u: number;
  /** dℓp/du = θ · ∂ℓ/∂θ at β̂(θ). */
  readonly slope: number;
  readonly fit: IrlsResult;
}

export function maximizeThetaProfile(input: ProfileInput): ProfileResult {
  const { y } = input;
  const uMin = Math.log(THETA_MIN);
  const uMax = Math.log(input.thetaMax);
  let evaluations = 0;
  let eta: Float64Array = Float64Array.from(input.muStart, Math.log);
  const evaluate = (u: number): ProfilePoint | null => {
    evaluations++;
    const theta = Math.exp(u);
    const fit = fitIrls({
      x: input.x,
      y,
      family: negativeBinomialFamily(theta),
      etaStart: Array.from(eta),
      ...(input.offset ? { offset: input.offset } : {}),
      control: { epsilon: PROFILE_IRLS_EPSILON, maxIterations: input.maxIterations },
    });
    if (fit.beta === null || !fit.converged) return null;
    eta = fit.eta; // warm start of the next fit (η includes the offset, as etaStart expects)
    return { u, slope: theta * thetaScoreCounts(theta, y, fit.mu), fit };
  };
  const failed = (reason: string): ProfileResult => ({ status: 'failed', theta: null, evaluations, reason });

  if (!(uMax > uMin)) return failed(`the θ limit ${input.thetaMax} is below the search floor ${THETA_MIN}`);
  const u0 = Math.min(uMax, Math.max(uMin, Math.log(momentTheta(y, input.muStart))));
  const start = evaluate(u0);
  if (start === null) return failed('an IRLS fit of the θ profile did not converge');
  const bracket = bracketMaximum(start, evaluate, uMin, uMax);
  if (bracket === 'failed') return failed('an IRLS fit of the θ profile did not converge');
  if (bracket === 'beyond-max')
    return {
      status: 'beyond-max',
      theta: null,
      evaluations,
      reason: `the likelihood still increases at θ = ${input.thetaMax}`,
    };
  if (bracket === 'below-min')
    return {
      status: 'below-min',
      theta: null,
      evaluations,
      reason: `the likelihood still increases at θ = ${THETA_MIN}`,
    };
  const [lo, hi] = bracket;
  if (lo.slope === 0) return { status: 'maximum', theta: Math.exp(lo.u), evaluations, eta };
  let broken = false;
  const root = brentRoot(
    (u) => {
      const p = evaluate(u);
      if (p === null) broken = true;
      return p === null ? NaN : p.slope;
    },
    lo.u,
    hi.u,
    lo.slope,
    hi.slope,
    U_TOLERANCE,
  );
  if (broken) return failed('an IRLS fit of the θ profile did not converge');
  if (!root.converged) return failed('the θ profile search reached its iteration limit');
  return { status: 'maximum', theta: Math.exp(root.root), evaluations, eta };
}

/**
 * From the start, step uphill (the sign of the slope) with doubling steps until the slope changes sign
 * or the search interval's end is reached; returns [lower, upper] with slope(lower) ≥ 0 > slope(upper).
 */
function bracketMaximum(
  start: ProfilePoint,
  evaluate: (u: number) => ProfilePoint | null,
  uMin: number,
  uMax: number,
): [ProfilePoint, ProfilePoint] | 'beyond-max' | 'below-min' | 'failed' {
  const up = start.slope > 0;
  let prev = start;
  let step = 0.5;
  for (;;) {
    const edge = up ? uMax : uMin;
    if (prev.u === edge) return up ? 'beyond-max' : 'below-min';
    const u = up ? Math.min(uMax, prev.u + step) : Math.max(uMin, prev.u - step);
    const next = evaluate(u);
    if (next === null) return 'failed';
    if (up && next.slope <= 0) return next.slope === 0 ? [next, next] : [prev, next];
    if (!up && next.slope >= 0) return [next, prev];
    prev = next;
    step *= 2;
  }
}

/** MASS::theta.ml's starting value n / Σ(y/μ − 1)². */
function momentTheta(y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i]! / mu[i]! - 1) ** 2;
  const t = y.length / s;
  return Number.isFinite(t) && t > 0 ? t : 1;
}

/**
 * ∂ℓ/∂θ for whole-number counts: per observation, ψ(θ + y) − ψ(θ) = Σ_{k<y} 1/(θ + k) and the terms
 * regrouped so the O(1/θ) parts cancel exactly:
 *   −Σ_{k<y} k/(θ(θ + k)) + (r − log(1 + r)) + (y − μ)μ/(θ(θ + μ)),  r = μ/θ.
 */
export function thetaScoreCounts(theta: number, y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const m = mu[i]!;
    let harmonic = 0;
    for (let k = 1; k < v; k++) harmonic += k / (theta * (theta + k));
    s += -harmonic + rMinusLog1p(m / theta) + ((v - m) * m) / (theta * (theta + m));
  }
  return s;
}

/**
 * Observed information −∂²ℓ/∂θ² for whole-number counts, the derivative of thetaScoreCounts' terms:
 *   −Σ_{k<y} k(2θ + k)/(θ²(θ + k)²) + μ²/(θ²(θ + μ)) + (y − μ)μ(2θ + μ)/(θ²(θ + μ)²).
 */
export function thetaInformationCounts(theta: number, y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  const t2 = theta * theta;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const m = mu[i]!;
    let harmonic = 0;
    for (let k = 1; k < v; k++) harmonic += (k * (2 * theta + k)) / (t2 * (theta + k) ** 2);
    s += -harmonic + (m * m) / (t2 * (theta + m)) + ((v - m) * m * (2 * theta + m)) / (t2 * (theta + m) ** 2);
  }
  return s;
}

/** r − log(1 + r) without cancellation for small r (series to r⁸, error < r⁹/9). */
function rMinusLog1p(r: number): number {
  if (r > 0.01) return r - Math.log1p(r);
  let power = r;
  let s = 0;
  for (let k = 2; k <= 8; k++) {
    power *= r;
    s += (k % 2 === 0 ? power : -power) / k;
  }
  return s;
}

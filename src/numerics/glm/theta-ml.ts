/**
 * Maximum likelihood of the negative binomial shape θ for given means, exactly as MASS::theta.ml
 * (MASS 7.3): start at the moment estimate n / Σ(y/μ − 1)², Newton steps on the score with the observed
 * information, |θ| before each step, stop when |step| ≤ ε^¼ or after `limit` − 1 steps; a negative result
 * is truncated at 0. SE = 1/√information at the last step (MASS's attr(, "SE")).
 */
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import trigamma from '@stdlib/math-base-special-trigamma';

export interface ThetaEstimate {
  readonly theta: number;
  readonly se: number;
  readonly warnings: string[];
}

export function thetaMl(y: readonly number[], mu: ArrayLike<number>, limit = 25): ThetaEstimate {
  const n = y.length;
  const eps = Number.EPSILON ** 0.25;
  let s = 0;
  for (let i = 0; i < n; i++) s += (y[i]! / mu[i]! - 1) ** 2;
  let t0 = n / s;
  let it = 0;
  let del = 1;
  let info = NaN;
  while (++it < limit && Math.abs(del) > eps) {
    t0 = Math.abs(t0);
    info = thetaInformation(t0, y, mu);
    del = thetaScore(t0, y, mu) / info;
    t0 += del;
  }
  const warnings: string[] = [];
  if (t0 < 0) {
    t0 = 0;
    warnings.push('theta estimate truncated at zero');
  }
  if (it === limit) warnings.push('theta iteration limit reached');
  return { theta: t0, se: Math.sqrt(1 / info), warnings };
}

// ψ(θ), ψ'(θ), log θ and log Γ(θ) are the same for every observation, and ψ(θ + y), ψ'(θ + y) and
// log Γ(θ + y) the same for every observation with the same count: each is computed once per call (the
// same numbers, so the same sums), not once per observation (~80 special-function calls per Newton
// step and fit, where the counts take a handful of values).

/** f at each value asked for, computed once (the values of y: counts, few of them distinct). */
function onceEach(f: (v: number) => number): (v: number) => number {
  const known = new Map<number, number>();
  return (v) => {
    let value = known.get(v);
    if (value === undefined) known.set(v, (value = f(v)));
    return value;
  };
}

function thetaScore(th: number, y: readonly number[], mu: ArrayLike<number>): number {
  const digammaTheta = digamma(th);
  const logTheta = Math.log(th);
  const digammaThetaPlus = onceEach((v) => digamma(th + v));
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    s += digammaThetaPlus(y[i]!) - digammaTheta + logTheta + 1 - Math.log(th + m) - (y[i]! + th) / (m + th);
  }
  return s;
}

function thetaInformation(th: number, y: readonly number[], mu: ArrayLike<number>): number {
  const trigammaTheta = trigamma(th);
  const trigammaThetaPlus = onceEach((v) => trigamma(th + v));
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    s += -trigammaThetaPlus(y[i]!) + trigammaTheta - 1 / th + 2 / (m + th) - (y[i]! + th) / (m + th) ** 2;
  }
  return s;
}

/** Negative binomial log-likelihood as glm.nb's internal loglik (the y = 0 guard in log μ included). */
export function negativeBinomialLogLik(theta: number, y: readonly number[], mu: ArrayLike<number>): number {
  const gammalnTheta = gammaln(theta);
  const thetaLogTheta = theta * Math.log(theta);
  const gammalnThetaPlus = onceEach((v) => gammaln(theta + v));
  const gammalnPlusOne = onceEach((v) => gammaln(v + 1));
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const m = mu[i]!;
    s +=
      gammalnThetaPlus(v) -
      gammalnTheta -
      gammalnPlusOne(v) +
      thetaLogTheta +
      v * Math.log(m + (v === 0 ? 1 : 0)) -
      (theta + v) * Math.log(theta + m);
  }
  return s;
}

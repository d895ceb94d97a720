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

function thetaScore(th: number, y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    s += digamma(th + y[i]!) - digamma(th) + Math.log(th) + 1 - Math.log(th + m) - (y[i]! + th) / (m + th);
  }
  return s;
}

function thetaInformation(th: number, y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    s += -trigamma(th + y[i]!) + trigamma(th) - 1 / th + 2 / (m + th) - (y[i]! + th) / (m + th) ** 2;
  }
  return s;
}

/** Negative binomial log-likelihood as glm.nb's internal loglik (the y = 0 guard in log μ included). */
export function negativeBinomialLogLik(theta: number, y: readonly number[], mu: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const m = mu[i]!;
    s +=
      gammaln(theta + v) -
      gammaln(theta) -
      gammaln(v + 1) +
      theta * Math.log(theta) +
      v * Math.log(m + (v === 0 ? 1 : 0)) -
      (theta + v) * Math.log(theta + m);
  }
  return s;
}

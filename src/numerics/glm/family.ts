/**
 * GLM families as R's stats::binomial(), stats::poisson() and MASS::negative.binomial(θ), each with its
 * canonical-for-R link (logit, log, log): the functions IRLS needs, including R's guards (the logit's
 * inverse is clamped at |η| > 30 exactly as R's C code in family.c, so separated fits stay finite).
 */
export interface GlmFamily {
  readonly name: 'binomial' | 'poisson' | 'negative-binomial';
  linkInverse(eta: number): number;
  /** dμ/dη. */
  muEta(eta: number): number;
  link(mu: number): number;
  variance(mu: number): number;
  /** Unit deviance d(y, μ) (prior weight 1). */
  unitDeviance(y: number, mu: number): number;
  /** R's `mustart` (family$initialize). */
  initialMu(y: number): number;
}

const THRESH = 30;
const EPS = Number.EPSILON;
const INVEPS = 1 / Number.EPSILON;

/** y log(y/μ), 0 at y = 0 (R's y_log_y). */
function yLogYOverMu(y: number, mu: number): number {
  return y !== 0 ? y * Math.log(y / mu) : 0;
}

export const binomialFamily: GlmFamily = {
  name: 'binomial',
  linkInverse(eta) {
    const t = eta < -THRESH ? EPS : eta > THRESH ? INVEPS : Math.exp(eta);
    return t / (1 + t);
  },
  muEta(eta) {
    const opexp = 1 + Math.exp(eta);
    return eta > THRESH || eta < -THRESH ? EPS : Math.exp(eta) / (opexp * opexp);
  },
  link: (mu) => Math.log(mu / (1 - mu)),
  variance: (mu) => mu * (1 - mu),
  unitDeviance: (y, mu) => 2 * (yLogYOverMu(y, mu) + yLogYOverMu(1 - y, 1 - mu)),
  initialMu: (y) => (y + 0.5) / 2,
};

/** exp(η) floored at ε as R's make.link("log")'s linkinv: pmax(exp(eta), .Machine$double.eps). */
const expFloored = (eta: number) => Math.max(Math.exp(eta), EPS);

export const poissonFamily: GlmFamily = {
  name: 'poisson',
  linkInverse: expFloored,
  muEta: expFloored,
  link: Math.log,
  variance: (mu) => mu,
  unitDeviance: (y, mu) => (y > 0 ? 2 * (y * Math.log(y / mu) - (y - mu)) : 2 * mu),
  initialMu: (y) => y + 0.1,
};

/** MASS::negative.binomial(theta), log link; variance μ + μ²/θ. */
export function negativeBinomialFamily(theta: number): GlmFamily {
  return {
    name: 'negative-binomial',
    linkInverse: expFloored,
    muEta: expFloored,
    link: Math.log,
    variance: (mu) => mu + (mu * mu) / theta,
    unitDeviance: (y, mu) =>
      2 * (y * Math.log(Math.max(1, y) / mu) - (y + theta) * Math.log((y + theta) / (mu + theta))),
    // MASS: mustart <- y + (y == 0)/6
    initialMu: (y) => y + (y === 0 ? 1 / 6 : 0),
  };
}

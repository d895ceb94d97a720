/**
 * The SAP's event-rate model: negative binomial regression (./negative-binomial.ts), replaced by the
 * Poisson fit — and reported as such — when the dispersion's maximum likelihood is at θ = ∞ (no
 * overdispersion at the Poisson fit, θ̂ above the caller's `thetaMax`, or an NB fit that failed).
 */
import { fitNegativeBinomial, type NegativeBinomialFit, type NegativeBinomialOptions } from './negative-binomial.js';
import type { PoissonFit } from './poisson.js';
import type { DesignMatrix } from './types.js';

export type RateModelFit =
  | { readonly model: 'NEGBIN'; readonly fit: NegativeBinomialFit; readonly fallbackReasons: readonly string[] }
  | { readonly model: 'POISSON'; readonly fit: PoissonFit; readonly fallbackReasons: readonly string[] };

export function fitRateModel(x: DesignMatrix, y: readonly number[], options: NegativeBinomialOptions): RateModelFit {
  const nb = fitNegativeBinomial(x, y, options);
  return nb.poissonFallback
    ? { model: 'POISSON', fit: nb.poisson, fallbackReasons: nb.fallbackReasons }
    : { model: 'NEGBIN', fit: nb, fallbackReasons: [] };
}

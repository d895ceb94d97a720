/**
 * Rate ratio of each MSC arm versus placebo from one event-rate model on all arms (SAP §5.1 and
 * SAP.md §6.5): events ~ arm + offset(log years), log link, PBO the reference; negative binomial with θ
 * by maximum likelihood (R `MASS::glm.nb`), replaced by Poisson (`glm(family = poisson)`) when the
 * dispersion's ML is at θ = ∞ (src/numerics/glm/rate-model.ts); RR = exp(b), Wald CI with the normal
 * quantile and Wald p; θ above the SAP's `nbThetaMax` counts as θ = ∞. Rules:
 * - subjects with no time at risk do not enter the model (log 0 is undefined; no information);
 * - an arm whose modelled subjects have no event has no finite RR (the MLE does not exist); if that arm
 *   is placebo, neither RR exists;
 * - the other arm's RR then comes from the model fitted without the degenerate arm (the limit of the
 *   full fit), to which the NB → Poisson rule applies;
 * - a fit that is not estimable gives no RR.
 */
import type { ArmCode } from '../lock/types.js';
import { fitRateModel } from '../numerics/glm/rate-model.js';
import { waldRatio, type WaldRatio } from '../numerics/glm/wald.js';
import { COMPARED_ARMS, REFERENCE_ARM } from './groups.js';
import { modelWarning, notEstimable, poissonUsed, type AnalysisWarning } from './analysis-issues.js';

export interface RateSubject {
  readonly arm: ArmCode;
  readonly events: number;
  /** Time at risk (e.g. patient-years); ≤ 0 keeps the subject out of the model. */
  readonly exposure: number;
}

export type RateModelMethod = 'NEGBIN' | 'POISSON';

export interface ArmRateRatioResult {
  /** The model the ratios come from; `NEGBIN` when no model could be fitted (every RR not estimable). */
  readonly method: RateModelMethod;
  /** RR, Wald CI and p per compared arm; null = not estimable. */
  readonly ratios: ReadonlyMap<ArmCode, WaldRatio | null>;
  readonly warnings: readonly AnalysisWarning[];
}

/**
 * @param level confidence level of the Wald CI
 * @param thetaMax the SAP's θ limit (settings `analysis.nbThetaMax`): a larger θ̂ means no overdispersion
 */
export function armRateRatios(subjects: readonly RateSubject[], level: number, thetaMax: number): ArmRateRatioResult {
  const modelled = subjects.filter((s) => s.exposure > 0);
  const ratios = new Map<ArmCode, WaldRatio | null>(COMPARED_ARMS.map((a) => [a, null]));
  const warnings: AnalysisWarning[] = [];
  const hasEvents = (arm: ArmCode) => modelled.some((s) => s.arm === arm && s.events > 0);
  if (!hasEvents(REFERENCE_ARM)) {
    warnings.push(notEstimable('placebo has no events: rate ratios not estimable'));
    return { method: 'NEGBIN', ratios, warnings };
  }
  const fitted = COMPARED_ARMS.filter((arm) => {
    if (hasEvents(arm)) return true;
    warnings.push(notEstimable(`${arm} has no events: its rate ratio is not estimable`));
    return false;
  });
  if (fitted.length === 0) return { method: 'NEGBIN', ratios, warnings };
  const rows = modelled.filter((s) => s.arm === REFERENCE_ARM || fitted.some((a) => a === s.arm));
  const x = rows.map((s) => [1, ...fitted.map((arm) => (s.arm === arm ? 1 : 0))]);
  const model = fitRateModel(
    x,
    rows.map((s) => s.events),
    { offset: rows.map((s) => Math.log(s.exposure)), names: ['(Intercept)', ...fitted], thetaMax },
  );
  warnings.push(
    ...model.fit.warnings.map(modelWarning),
    ...(model.model === 'POISSON' ? [poissonUsed(model.fallbackReasons)] : []),
  );
  if (!model.fit.estimable) return { method: model.model, ratios, warnings };
  fitted.forEach((arm, i) => ratios.set(arm, waldRatio(model.fit.coefficients[i + 1]!, level)));
  return { method: model.model, ratios, warnings };
}

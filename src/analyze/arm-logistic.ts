/**
 * Odds ratio of each MSC arm versus placebo from one logistic regression on all three arms,
 * `response ~ arm + covariates` with placebo as reference (SAP §5.1), with the not-estimable rules:
 * - an arm whose modelled subjects are all responders or all non-responders has no finite OR; if that
 *   arm is placebo, neither OR exists;
 * - the other arm's OR then comes from the model fitted without the degenerate arm (the limit of the
 *   full fit);
 * - a fit with separation or without convergence gives no OR at all.
 * Subjects with a missing covariate are left out of the model only.
 */
import { fitLogistic } from '../numerics/glm/logistic.js';
import { waldRatio, type WaldRatio } from '../numerics/glm/wald.js';
import type { ArmCode } from '../lock/types.js';
import { COMPARED_ARMS, REFERENCE_ARM } from './groups.js';
import { modelWarning, notEstimable, type AnalysisWarning } from './analysis-issues.js';

export interface LogisticSubject {
  readonly arm: ArmCode;
  readonly response: 0 | 1;
  readonly covariates: readonly (number | null)[];
}

export interface ArmLogisticResult {
  /** OR, Wald CI and p per compared arm; null = not estimable. */
  readonly ratios: ReadonlyMap<ArmCode, WaldRatio | null>;
  readonly warnings: readonly AnalysisWarning[];
}

function degenerate(subjects: readonly LogisticSubject[]): boolean {
  const responders = subjects.filter((s) => s.response === 1).length;
  return responders === 0 || responders === subjects.length;
}

export function armOddsRatios(subjects: readonly LogisticSubject[], level: number): ArmLogisticResult {
  const modelled = subjects.filter((s) => s.covariates.every((c) => c !== null));
  const ratios = new Map<ArmCode, WaldRatio | null>(COMPARED_ARMS.map((a) => [a, null]));
  const warnings: AnalysisWarning[] = [];
  const byArm = (arm: ArmCode) => modelled.filter((s) => s.arm === arm);
  if (degenerate(byArm(REFERENCE_ARM))) {
    warnings.push(notEstimable('placebo has no responders or only responders: odds ratios not estimable'));
    return { ratios, warnings };
  }
  const fitted = COMPARED_ARMS.filter((arm) => {
    if (!degenerate(byArm(arm))) return true;
    warnings.push(notEstimable(`${arm} has no responders or only responders: its odds ratio is not estimable`));
    return false;
  });
  if (fitted.length === 0) return { ratios, warnings };
  const rows = modelled.filter((s) => s.arm === REFERENCE_ARM || fitted.includes(s.arm as (typeof fitted)[number]));
  const x = rows.map((s) => [1, ...fitted.map((arm) => (s.arm === arm ? 1 : 0)), ...(s.covariates as number[])]);
  const y = rows.map((s) => s.response);
  const fit = fitLogistic(x, y);
  warnings.push(...fit.warnings.map(modelWarning));
  if (!fit.estimable)
    return {
      ratios,
      warnings: [...warnings, notEstimable('the logistic model is not estimable: odds ratios not estimable')],
    };
  fitted.forEach((arm, i) => ratios.set(arm, waldRatio(fit.coefficients[i + 1]!, level)));
  return { ratios, warnings };
}

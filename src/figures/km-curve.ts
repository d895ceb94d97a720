/**
 * A Kaplan–Meier estimate (src/numerics/survival/kaplan-meier.ts) as a drawable step series, the way
 * R's `plot.survfit` and `survminer::ggsurvplot` draw it: the curve starts at S = 1 at the time
 * origin, drops at each event time, and ends at the group's largest observed time (event or
 * censoring); every time with a censoring carries a mark at the curve's value after that time.
 * The number at risk at τ is the number of subjects whose time is ≥ τ (summary.survfit(times = τ)
 * `n.risk`, 0 past the last time).
 */
import type { KaplanMeierCurve } from '../numerics/survival/kaplan-meier.js';
import type { ChartPoint, StepSeries } from './figure-spec.js';

/** Subjects still at risk just before τ (time ≥ τ). */
export function computeNumberAtRisk(curve: KaplanMeierCurve, tau: number): number {
  const j = curve.time.findIndex((t) => t >= tau);
  return j < 0 ? 0 : curve.nRisk[j]!;
}

/** Vertices of the step function: (origin, 1), (tᵢ, S(tᵢ)) at each event time, then the last time. */
export function computeKaplanMeierSteps(curve: KaplanMeierCurve, origin = 0): ChartPoint[] {
  if (curve.time.length === 0) return [];
  const steps: ChartPoint[] = [{ x: origin, y: 1 }];
  curve.time.forEach((t, i) => {
    if (curve.nEvent[i]! > 0) steps.push({ x: t, y: curve.survival[i]! });
  });
  const last = curve.time.length - 1;
  const end = curve.time[last]!;
  if (end > steps[steps.length - 1]!.x) steps.push({ x: end, y: curve.survival[last]! });
  return steps;
}

/** Censor marks: one per distinct censoring time, at the curve's value after that time. */
export function computeCensorMarks(curve: KaplanMeierCurve): ChartPoint[] {
  return curve.time.flatMap((t, i) => (curve.nCensor[i]! > 0 ? [{ x: t, y: curve.survival[i]! }] : []));
}

export function kaplanMeierStepSeries(
  curve: KaplanMeierCurve,
  label: string,
  riskTimes: readonly number[],
  origin = 0,
): StepSeries {
  return {
    label,
    steps: computeKaplanMeierSteps(curve, origin),
    censors: computeCensorMarks(curve),
    atRisk: riskTimes.map((t) => computeNumberAtRisk(curve, t)),
  };
}

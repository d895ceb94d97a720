/**
 * A Kaplan–Meier estimate (src/numerics/survival/kaplan-meier.ts) as the curve a figure draws, the way
 * R's `plot.survfit` and `survminer::ggsurvplot` draw it: the curve starts at S = 1 at the time
 * origin, drops at each event time, and ends at the group's largest observed time (event or
 * censoring); every time with a censoring carries a mark at the curve's value after that time.
 * The number at risk at τ is the number of subjects whose time is ≥ τ (summary.survfit(times = τ)
 * `n.risk`, 0 past the last time).
 * The curve is made from the very fit that gives the endpoint's ARD rows (time-to-event.ts), so the
 * figures draw what the ARD reports and never fit again; it is not an ARD row (ard.md has none).
 */
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { Group, Population } from '../ard/types.js';
import type { KaplanMeierCurve } from '../numerics/survival/kaplan-meier.js';

export interface SurvivalPoint {
  readonly time: number;
  readonly survival: number;
}

export interface AtRiskCount {
  readonly time: number;
  readonly n: number;
}

/** One group's Kaplan–Meier curve of one endpoint, ready to draw. */
export interface SurvivalCurve {
  readonly endpoint: ArdEndpoint;
  readonly population: Population;
  readonly group: Group;
  /** Vertices of the step function in time order (empty for a group without subjects); the last is the largest observed time. */
  readonly steps: readonly SurvivalPoint[];
  /** One per distinct censoring time, at the curve's value after that time. */
  readonly censors: readonly SurvivalPoint[];
  /** Number at risk at each of the risk-table times, in their order. */
  readonly atRisk: readonly AtRiskCount[];
}

/** Receives the curves of an analysis; `analyzeAll` collects them for the figures. */
export type CurveSink = (curve: SurvivalCurve) => void;

/** Discards curves: for callers (tests, `explain`) that want the rows only. */
export const ignoreCurves: CurveSink = () => undefined;

/** Subjects still at risk just before τ (time ≥ τ). */
export function computeNumberAtRisk(curve: KaplanMeierCurve, tau: number): number {
  const j = curve.time.findIndex((t) => t >= tau);
  return j < 0 ? 0 : curve.nRisk[j]!;
}

/** Vertices of the step function: (origin, 1), (tᵢ, S(tᵢ)) at each event time, then the last time. */
export function computeKaplanMeierSteps(curve: KaplanMeierCurve, origin = 0): SurvivalPoint[] {
  if (curve.time.length === 0) return [];
  const steps: SurvivalPoint[] = [{ time: origin, survival: 1 }];
  curve.time.forEach((t, i) => {
    if (curve.nEvent[i]! > 0) steps.push({ time: t, survival: curve.survival[i]! });
  });
  const last = curve.time.length - 1;
  const end = curve.time[last]!;
  if (end > steps[steps.length - 1]!.time) steps.push({ time: end, survival: curve.survival[last]! });
  return steps;
}

/** Censor marks: one per distinct censoring time, at the curve's value after that time. */
export function computeCensorMarks(curve: KaplanMeierCurve): SurvivalPoint[] {
  return curve.time.flatMap((t, i) => (curve.nCensor[i]! > 0 ? [{ time: t, survival: curve.survival[i]! }] : []));
}

/** The drawable curve of one group's fit, with the number at risk at `riskTimes`. */
export function survivalCurve(
  id: { readonly endpoint: ArdEndpoint; readonly population: Population },
  group: Group,
  curve: KaplanMeierCurve,
  riskTimes: readonly number[],
  origin = 0,
): SurvivalCurve {
  return {
    endpoint: id.endpoint,
    population: id.population,
    group,
    steps: computeKaplanMeierSteps(curve, origin),
    censors: computeCensorMarks(curve),
    atRisk: riskTimes.map((time) => ({ time, n: computeNumberAtRisk(curve, time) })),
  };
}

/**
 * Time-to-event rows of any endpoint (SAP §5 "Time to first flare", "Steroid sparing"; §5.1; ard.md
 * `TTFLARE`, `TTCSDISC`) from one record per subject `{USUBJID, arm, time, event}`:
 * - per group (each arm and `TOTAL`; `TOTAL` alone when blinded): `n`, `events`, `censored`; the
 *   Kaplan–Meier median and its 95% CI as R `survfit`/`quantile.survfit` report them, and at each
 *   landmark day (`param` = the day) the estimate with its Greenwood log-scale CI — method `KM`;
 * - versus PBO (unblinded only): the log-rank p of the two arms compared (R `survdiff`, method
 *   `LOGRANK`), and the hazard ratio with its Wald CI from one Cox model with Efron ties fitted on all
 *   arms, PBO the reference (R `coxph(ties = "efron")`, method `COX-EFRON`).
 * Not estimable (SAP §5.1): a log-rank p with no event in either arm (or an arm without subjects); an
 * HR whose MSC arm or PBO has no event (PBO: both HRs), the other arm's HR then coming from the Cox
 * model fitted without the degenerate arm; any Cox fit without a finite maximum or convergence.
 * Each group's Kaplan–Meier fit also goes, as the curve the figures draw (km-curves.ts), to a `CurveSink`.
 */
import type { ArdRow, Group, Population } from '../ard/types.js';
import type { ArdEndpoint } from '../ard/vocabulary.js';
import type { ArmCode } from '../lock/types.js';
import { waldRatio, type WaldRatio } from '../numerics/glm/wald.js';
import { fitCox } from '../numerics/survival/cox.js';
import { kaplanMeier, survivalAt } from '../numerics/survival/kaplan-meier.js';
import { logRankTest } from '../numerics/survival/logrank.js';
import type { SurvivalData } from '../numerics/survival/survival-data.js';
import { survivalMedian } from '../numerics/survival/survival-quantile.js';
import { comparisonRow, groupRow, type RowIdentity } from './ard-rows.js';
import { COMPARED_ARMS, REFERENCE_ARM } from './groups.js';
import { ignoreCurves, survivalCurve, type CurveSink } from './km-curves.js';
import {
  ignoreIssues,
  modelWarning,
  notEstimable,
  reportWarnings,
  type AnalysisWarning,
  type IssueSink,
} from './analysis-issues.js';

/** One subject of a time-to-event analysis: `time` in days, `event` false = censored at `time`. */
export interface TimeToEventSubject {
  readonly USUBJID: string;
  /** Analysis arm; null in a blinded run. */
  readonly arm: ArmCode | null;
  readonly time: number;
  readonly event: boolean;
}

export interface TimeToEventSpec {
  readonly endpoint: ArdEndpoint;
  readonly population: Population;
  /** Days at which the KM estimate is reported (settings `analysis.kmDays`). */
  readonly landmarkDays: readonly number[];
  /** Days of the figures' number-at-risk table (settings `display.kmAtRiskDays`). */
  readonly riskTimes: readonly number[];
  readonly confidenceLevel: number;
  readonly blinded: boolean;
}

export const KM_METHOD = 'KM';
export const LOGRANK_METHOD = 'LOGRANK';
export const COX_METHOD = 'COX-EFRON';

function survivalData(subjects: readonly TimeToEventSubject[]): SurvivalData {
  return { time: subjects.map((s) => s.time), status: subjects.map((s) => (s.event ? 1 : 0)) };
}

/**
 * `n`, `events`, `censored`, the KM median with CI and the landmark estimates of one group; `curve` is
 * the group's fit (made here when not given).
 */
export function timeToEventGroupRows(
  id: RowIdentity,
  group: Group,
  subjects: readonly TimeToEventSubject[],
  landmarkDays: readonly number[],
  level: number,
  curve = kaplanMeier(survivalData(subjects), level),
): ArdRow[] {
  const events = subjects.filter((s) => s.event).length;
  const median = survivalMedian(curve);
  const rows = [
    groupRow(id, group, 'n', subjects.length),
    groupRow(id, group, 'events', events),
    groupRow(id, group, 'censored', subjects.length - events),
    groupRow(id, group, 'median_time', median.quantile, KM_METHOD),
    groupRow(id, group, 'median_lcl', median.lower, KM_METHOD),
    groupRow(id, group, 'median_ucl', median.upper, KM_METHOD),
  ];
  for (const day of landmarkDays) {
    const at = survivalAt(curve, day);
    const dayId = { ...id, param: String(day) };
    rows.push(
      groupRow(dayId, group, 'km', at.survival, KM_METHOD),
      groupRow(dayId, group, 'km_lcl', at.lower, KM_METHOD),
      groupRow(dayId, group, 'km_ucl', at.upper, KM_METHOD),
    );
  }
  return rows;
}

/** Log-rank p of one MSC arm versus PBO on those two arms' subjects; null when not defined. */
export function logRankP(subjects: readonly TimeToEventSubject[], arm: ArmCode): number | null {
  const two = subjects.filter((s) => s.arm === arm || s.arm === REFERENCE_ARM);
  const inArm = two.filter((s) => s.arm === arm).length;
  if (inArm === 0 || inArm === two.length || !two.some((s) => s.event)) return null;
  return logRankTest(
    survivalData(two),
    two.map((s) => s.arm as string),
  ).p;
}

export interface ArmHazardRatioResult {
  /** HR, Wald CI and p per compared arm; null = not estimable. */
  readonly ratios: ReadonlyMap<ArmCode, WaldRatio | null>;
  readonly warnings: readonly AnalysisWarning[];
}

/**
 * HR of each MSC arm versus PBO from one Cox model (Efron ties) on PBO and the MSC arms that have an
 * event, with the not-estimable rules of the module comment.
 */
export function armHazardRatios(subjects: readonly TimeToEventSubject[], level: number): ArmHazardRatioResult {
  const ratios = new Map<ArmCode, WaldRatio | null>(COMPARED_ARMS.map((a) => [a, null]));
  const warnings: AnalysisWarning[] = [];
  const hasEvent = (arm: ArmCode) => subjects.some((s) => s.arm === arm && s.event);
  if (!hasEvent(REFERENCE_ARM)) {
    warnings.push(notEstimable('placebo has no event: hazard ratios not estimable'));
    return { ratios, warnings };
  }
  const fitted = COMPARED_ARMS.filter((arm) => {
    if (hasEvent(arm)) return true;
    warnings.push(notEstimable(`${arm} has no event: its hazard ratio is not estimable`));
    return false;
  });
  if (fitted.length === 0) return { ratios, warnings };
  const rows = subjects.filter((s) => s.arm === REFERENCE_ARM || fitted.some((a) => a === s.arm));
  const x = rows.map((s) => fitted.map((arm) => (s.arm === arm ? 1 : 0)));
  const fit = fitCox(survivalData(rows), x, { ties: 'efron', names: fitted });
  warnings.push(...fit.warnings.map(modelWarning));
  if (!fit.estimable)
    return {
      ratios,
      warnings: [...warnings, notEstimable('the Cox model is not estimable: hazard ratios not estimable')],
    };
  fitted.forEach((arm, i) => ratios.set(arm, waldRatio(fit.coefficients[i]!, level)));
  return { ratios, warnings };
}

/** One group's rows and, from the same Kaplan–Meier fit, its curve (to `curves`). */
function groupRowsAndCurve(
  id: RowIdentity,
  group: Group,
  subjects: readonly TimeToEventSubject[],
  spec: TimeToEventSpec,
  curves: CurveSink,
): ArdRow[] {
  const curve = kaplanMeier(survivalData(subjects), spec.confidenceLevel);
  curves(survivalCurve(id, group, curve, spec.riskTimes));
  return timeToEventGroupRows(id, group, subjects, spec.landmarkDays, spec.confidenceLevel, curve);
}

/** Every ARD row of one time-to-event endpoint, and each group's curve to `curves` (module comment). */
export function analyzeTimeToEvent(
  subjects: readonly TimeToEventSubject[],
  spec: TimeToEventSpec,
  report: IssueSink = ignoreIssues,
  curves: CurveSink = ignoreCurves,
): ArdRow[] {
  const id: RowIdentity = { endpoint: spec.endpoint, param: '', visit: '', population: spec.population };
  const level = spec.confidenceLevel;
  const rows: ArdRow[] = [];
  if (!spec.blinded) {
    for (const arm of [REFERENCE_ARM, ...COMPARED_ARMS]) {
      rows.push(
        ...groupRowsAndCurve(
          id,
          arm,
          subjects.filter((s) => s.arm === arm),
          spec,
          curves,
        ),
      );
    }
  } else if (subjects.some((s) => s.arm !== null)) {
    throw new Error(`${spec.endpoint}: a subject carries an arm in a blinded run`);
  }
  rows.push(...groupRowsAndCurve(id, 'TOTAL', subjects, spec, curves));
  if (spec.blinded) return rows;

  const cox = armHazardRatios(subjects, level);
  reportWarnings(report, `${spec.endpoint} hazard ratio`, cox.warnings);
  for (const arm of COMPARED_ARMS) {
    const hr = cox.ratios.get(arm) ?? null;
    rows.push(
      comparisonRow(id, arm, 'hr', COX_METHOD, hr?.ratio ?? null),
      comparisonRow(id, arm, 'hr_lcl', COX_METHOD, hr?.lower ?? null),
      comparisonRow(id, arm, 'hr_ucl', COX_METHOD, hr?.upper ?? null),
      comparisonRow(id, arm, 'p', LOGRANK_METHOD, logRankP(subjects, arm)),
    );
  }
  return rows;
}

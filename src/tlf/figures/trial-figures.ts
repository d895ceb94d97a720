/**
 * The SAP's figures (sap/SAP.md §10.4) as figure specs (src/render/charts/ draws them).
 * - F-14.2.1 / F-14.2.2: Kaplan–Meier curves of `TTFLARE` / `TTCSDISC` (FAS) by arm, with the number
 *   at risk at `display.kmAtRiskDays`, as the analysis fitted them (`AnalysisResult.curves`, the fits of
 *   the ARD rows); the numbers printed in the footnotes (events, medians, hazard ratios, log-rank p)
 *   are read from the ARD.
 * - F-14.2.3: `SLEDAI`/`CHG` MMRM LS means with 95% CI by visit and arm, from the ARD; absent when the
 *   ARD has no estimable LS mean.
 * Blinding (SAP §4.12): a blinded run draws one pooled curve labelled Total and no LS-mean figure (a
 * model); no arm code or name enters any spec. Draft and dummy runs carry the tables' marks.
 */
import type { SurvivalCurve } from '../../analyze/km-curves.js';
import type { ArdRow, Group } from '../../ard/types.js';
import { TTFLARE } from '../../derive/flares-tte.js';
import { TTCSDISC } from '../../derive/steroid-sparing.js';
import { ardLookup, type ValueLookup } from '../../render/ard-lookup.js';
import type {
  FigureSpec,
  IntervalChartSpec,
  IntervalSeries,
  StepChartSpec,
  StepSeries,
} from '../../render/charts/figure-spec.js';
import { typesetPowersOfTen } from '../../render/charts/svg-text.js';
import { formatNumber, formatP, formatRatio, NOT_ESTIMABLE } from '../../render/format.js';
import { markLines } from '../../render/print-form.js';
import type { SapSettings } from '../../sap/index.js';
import { ARMS, COMPARED_ARMS, isBlinded, printFlagsOf, type Arm, type TlfContext } from '../context.js';
import { MEDIAN_DAYS_DECIMALS } from '../time-to-event.js';
import type { ArdEndpoint, ArdMethod, ArdStat } from '../../ard/vocabulary.js';
import { endpointRows } from '../endpoint-rows.js';

export interface TrialFigureInput {
  /** The analysis's Kaplan–Meier curves (`AnalysisResult.curves`). */
  readonly curves: readonly SurvivalCurve[];
  readonly ard: readonly ArdRow[];
  readonly settings: SapSettings;
  readonly ctx: TlfContext;
}

export const KM_FLARE_FIGURE_ID = 'F-14.2.1';
export const KM_STEROID_FIGURE_ID = 'F-14.2.2';
export const SLEDAI_LSMEAN_FIGURE_ID = 'F-14.2.3';

const FAS_LABEL = 'Full Analysis Set';
const CENSOR_FOOTNOTE =
  '+ Censored observation. Number at risk: subjects whose event or censoring time is on or after the day.';

interface KmFigureArgs {
  readonly id: string;
  /** The ADTTE PARAMCD, which is also the ARD endpoint of the curve's numbers. */
  readonly paramcd: ArdEndpoint;
  /** The title after `Kaplan–Meier Curve(s) `, e.g. `of Time to First BILAG-2004 Flare`. */
  readonly title: string;
  readonly populationLabel: string;
  readonly yLabel: string;
  readonly eventFootnote: string;
}

/** The figures of the run, in SAP order. */
export function trialFigureSpecs(input: TrialFigureInput): FigureSpec[] {
  const lookup = ardLookup(input.ard);
  const specs: FigureSpec[] = [
    kaplanMeierFigureSpec(input, lookup, {
      id: KM_FLARE_FIGURE_ID,
      paramcd: TTFLARE.PARAMCD,
      title: 'of Time to First BILAG-2004 Flare',
      populationLabel: FAS_LABEL,
      yLabel: 'Probability of no BILAG-2004 flare',
      eventFootnote:
        'Event: first severe or moderate BILAG-2004 domain flare (any domain) on an assessment to Week 52; subjects without one are censored at their last BILAG-2004 assessment (Day 0 if none).',
    }),
    kaplanMeierFigureSpec(input, lookup, {
      id: KM_STEROID_FIGURE_ID,
      paramcd: TTCSDISC.PARAMCD,
      title: 'of Time to Corticosteroid Discontinuation',
      populationLabel: `${FAS_LABEL}, subjects on systemic corticosteroids at Day 0`,
      yLabel: 'Probability of remaining on corticosteroids',
      eventFootnote:
        `Event: first day from which the prednisone-equivalent dose stays 0 through the end of follow-up E = min(Day ${input.settings.analysis.followUpEndDay}, end of participation), ` +
        `with at least ${input.settings.analysis.steroidDiscontinuationMinDays} days of follow-up from that day; otherwise censored at E.`,
    }),
  ];
  const lsmeans = sledaiLsMeanFigureSpec(input);
  if (lsmeans !== null) specs.push(lsmeans);
  return specs;
}

/** Display label of a group, powers of ten typeset. */
function groupLabel(ctx: TlfContext, group: Group): string {
  return typesetPowersOfTen(group === 'TOTAL' ? ctx.totalLabel : ctx.armLabels[group]);
}

/**
 * The FAS curves of `endpoint` drawn: the arms in display order, or Total alone when blinded (where a
 * curve of an arm would be a leak, and is refused).
 */
function figureCurves(input: TrialFigureInput, endpoint: string): { group: Group; curve: SurvivalCurve }[] {
  const curves = input.curves.filter((c) => c.endpoint === endpoint && c.population === 'FAS');
  const blinded = isBlinded(input.ctx);
  if (blinded && curves.some((c) => c.group !== 'TOTAL'))
    throw new Error(`${endpoint}: a curve of an arm in a blinded run`);
  const groups: readonly Group[] = blinded ? ['TOTAL'] : ARMS;
  return groups.map((group) => {
    const curve = curves.find((c) => c.group === group);
    if (curve === undefined) throw new Error(`${endpoint}: no Kaplan\u2013Meier curve of ${group} from the analysis`);
    return { group, curve };
  });
}

/** A curve as a step series of the chart, its numbers at risk at `riskTimes`. */
function stepSeries(curve: SurvivalCurve, label: string, riskTimes: readonly number[]): StepSeries {
  const atRisk = riskTimes.map((t) => {
    const count = curve.atRisk.find((a) => a.time === t);
    if (count === undefined) throw new Error(`${curve.endpoint} ${curve.group}: no number at risk at day ${t}`);
    return count.n;
  });
  const point = (p: { time: number; survival: number }) => ({ x: p.time, y: p.survival });
  return { label, steps: curve.steps.map(point), censors: curve.censors.map(point), atRisk };
}

/** The group's largest observed time (the last vertex of its curve); null without subjects. */
function lastTime(curve: SurvivalCurve): number | null {
  return curve.steps.length === 0 ? null : curve.steps[curve.steps.length - 1]!.time;
}

export function kaplanMeierFigureSpec(input: TrialFigureInput, lookup: ValueLookup, args: KmFigureArgs): StepChartSpec {
  const { ctx, settings } = input;
  const riskTimes = settings.display.kmAtRiskDays;
  const groups = figureCurves(input, args.paramcd);
  // A subject followed a few days past the nominal end keeps the whole curve on the axis.
  const lastTimes = groups.map((g) => lastTime(g.curve)).filter((t): t is number => t !== null);
  const end = Math.max(settings.analysis.followUpEndDay, ...riskTimes, ...lastTimes);
  const series = groups.map(({ group, curve }) => stepSeries(curve, groupLabel(ctx, group), riskTimes));
  const numbers = groups.map(({ group }) =>
    kaplanMeierNumbersFootnote(lookup, args.paramcd, group, groupLabel(ctx, group)),
  );
  const comparisons = isBlinded(ctx)
    ? []
    : COMPARED_ARMS.map((arm) => hazardRatioFootnote(lookup, args.paramcd, arm, ctx));
  const printed = [...numbers, ...comparisons];
  return {
    kind: 'step',
    id: args.id,
    marks: markLines(printFlagsOf(ctx)),
    titles: [
      `Figure ${args.id}`,
      isBlinded(ctx)
        ? `Kaplan\u2013Meier Curve ${args.title}, All Subjects (Blinded)`
        : `Kaplan\u2013Meier Curves ${args.title} by Arm`,
      args.populationLabel,
    ],
    footnotes: [
      CENSOR_FOOTNOTE,
      args.eventFootnote,
      ...printed,
      ...(isBlinded(ctx)
        ? []
        : [
            'Hazard ratio: Cox proportional hazards model with Efron ties on all three arms, placebo the reference, Wald 95% CI; p: log-rank test of the MSC arm and placebo.',
          ]),
      ...(printed.some((l) => l.includes(NOT_ESTIMABLE)) ? [`${NOT_ESTIMABLE} = not estimable.`] : []),
    ],
    x: { label: 'Days since infusion', domain: [0, end], ticks: riskTimes },
    y: { label: args.yLabel, domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], tickDecimals: 1 },
    series,
    riskTimes,
    riskTitle: 'Number at risk',
  };
}

function kaplanMeierNumbersFootnote(lookup: ValueLookup, endpoint: ArdEndpoint, group: Group, label: string): string {
  const key = { endpoint, param: '', visit: '', population: 'FAS' as const, comparator: '' as const, group };
  const v = (stat: ArdStat, method: ArdMethod | '' = '') => lookup({ ...key, stat, method });
  const days = (x: number | null) => formatNumber(x, MEDIAN_DAYS_DECIMALS);
  return (
    `${label}: ${v('events') ?? NOT_ESTIMABLE} of ${v('n') ?? NOT_ESTIMABLE} subjects with an event; median (95% CI), days: ` +
    `${days(v('median_time', 'KM'))} (${days(v('median_lcl', 'KM'))}, ${days(v('median_ucl', 'KM'))}).`
  );
}

function hazardRatioFootnote(lookup: ValueLookup, endpoint: ArdEndpoint, arm: Arm, ctx: TlfContext): string {
  const key = { endpoint, param: '', visit: '', population: 'FAS' as const, comparator: 'PBO' as const, group: arm };
  const hr = (stat: ArdStat) => lookup({ ...key, stat, method: 'COX-EFRON' });
  const p = lookup({ ...key, stat: 'p', method: 'LOGRANK' });
  return (
    `${groupLabel(ctx, arm)} vs ${groupLabel(ctx, 'PBO')}: hazard ratio ${formatRatio(hr('hr'))} ` +
    `(95% CI ${formatRatio(hr('hr_lcl'))}, ${formatRatio(hr('hr_ucl'))}); log-rank p ${p === null ? `= ${NOT_ESTIMABLE}` : pText(formatP(p))}.`
  );
}

function pText(formatted: string): string {
  return formatted.startsWith('<') || formatted.startsWith('>') ? formatted : `= ${formatted}`;
}

const COVARIANCE_TEXT: Readonly<Record<string, string>> = {
  'MMRM-US-KR': 'unstructured covariance',
  'MMRM-TOEPH-KR': 'heterogeneous Toeplitz covariance (fallback)',
  'MMRM-AR1H-KR': 'heterogeneous AR(1) covariance (fallback)',
  'MMRM-CS-KR': 'compound-symmetry covariance (fallback)',
};

/** F-14.2.3, or null in a blinded run or when the ARD has no estimable SLEDAI-2K LS mean. */
export function sledaiLsMeanFigureSpec(input: TrialFigureInput): IntervalChartSpec | null {
  const { ctx, settings } = input;
  if (isBlinded(ctx)) return null;
  const rows = endpointRows(input.ard, 'SLEDAI').filter(
    (r) => r.param === 'CHG' && r.population === 'FAS' && r.comparator === '' && r.stat.startsWith('lsmean'),
  );
  const value = (arm: Arm, visit: string, stat: string) =>
    rows.find((r) => r.group === arm && r.visit === visit && r.stat === stat)?.value ?? null;
  const weekOf = (day: number) => day / settings.analysis.daysPerWeek;
  const visits = settings.visits.filter((v) => v.day > 0 && rows.some((r) => r.visit === v.id));
  const series: IntervalSeries[] = ARMS.map((arm) => ({
    label: groupLabel(ctx, arm),
    points: visits.flatMap((v) => {
      const estimate = value(arm, v.id, 'lsmean');
      return estimate === null
        ? []
        : [
            {
              x: weekOf(v.day),
              estimate,
              lower: value(arm, v.id, 'lsmean_lcl'),
              upper: value(arm, v.id, 'lsmean_ucl'),
            },
          ];
    }),
  }));
  if (series.every((s) => s.points.length === 0)) return null;
  const methods = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.method))].sort();
  const covariance = methods.map((m) => COVARIANCE_TEXT[m] ?? m).join('; ');
  const weeks = visits.map((v) => weekOf(v.day));
  return {
    kind: 'interval',
    id: SLEDAI_LSMEAN_FIGURE_ID,
    marks: markLines(printFlagsOf(ctx)),
    titles: [
      `Figure ${SLEDAI_LSMEAN_FIGURE_ID}`,
      'SLEDAI-2K Least-Squares Mean Change from Baseline (95% CI) by Visit and Arm',
      FAS_LABEL,
    ],
    footnotes: [
      `LS means and 95% confidence intervals from the mixed model for repeated measures of the change from baseline (arm, visit, arm \u00d7 visit, baseline, baseline \u00d7 visit; ${covariance}; REML; Kenward\u2013Roger degrees of freedom).`,
      'Arms are offset horizontally at each visit for legibility; the dashed line marks no change.',
    ],
    x: { label: 'Week', domain: [0, Math.max(...weeks) + 2], ticks: weeks },
    y: { label: 'LS-mean change from baseline (95% CI)' },
    series,
    dodge: 1,
    referenceY: 0,
  };
}

/**
 * Generic time-to-event table (SAP.md §6.6; rows of src/analyze/time-to-event.ts): per group the
 * subjects with the event and censored, n (%) of the group's n; the Kaplan–Meier median (95% CI) in
 * days with d + 1 = 1 decimal (SAP.md §4.9); the KM estimate (95% CI) at each landmark day as a
 * percentage with 1 decimal; versus placebo (unblinded) the Cox hazard ratio (95% CI) with two decimals
 * and the log-rank p. The column header N is the group's n of the analysis.
 */
import type { Population } from '../ard/types.js';
import type { ArdEndpoint, ArdStat } from '../ard/vocabulary.js';
import type { RowKey, RowSpec, StatRef, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { COMPARED_ARMS, isBlinded, treatmentColumns } from './context.js';
import type { TlfContext } from './context.js';

export interface TimeToEventTableArgs {
  readonly id: string;
  readonly titles: readonly string[];
  readonly populationLabel: string;
  readonly endpoint: ArdEndpoint;
  readonly population: Population;
  readonly landmarkDays: readonly number[];
  /** e.g. `Subjects with a flare` */
  readonly eventLabel: string;
  /** e.g. `Median time to first flare (days) (95% CI)` */
  readonly medianLabel: string;
  /** e.g. `Flare-free (Kaplan-Meier), % (95% CI)` */
  readonly survivalLabel: string;
  readonly footnotes: readonly string[];
  /**
   * Overrides the NE footnote. Default: `timeToEventNotEstimableFootnote(blinded)`, which names no
   * comparison (and so no arm) in a blinded table; an override must take the same care.
   */
  readonly notEstimableFootnote?: string;
}

/** Explain the `[a]`, `[b]` marks of the comparison rows (unblinded tables only). */
export const TIME_TO_EVENT_COMPARISON_FOOTNOTES: readonly string[] = [
  '[a] Cox proportional hazards model with Efron ties fitted on all three arms, placebo the reference; Wald 95% confidence interval.',
  '[b] Log-rank test of the MSC arm and placebo.',
];

/** The NE footnote; a blinded table names no comparison (and so no arm). */
export function timeToEventNotEstimableFootnote(blinded: boolean): string {
  return blinded
    ? 'NE = not estimable (a median or confidence limit not reached, or an estimate past the last observed time).'
    : 'NE = not estimable (a median or confidence limit not reached, an estimate past the last observed time, a hazard ratio when the MSC arm or placebo has no event, or a log-rank test without any event).';
}

/** Decimals of a median time in days: d = 0 for days, location statistic d + 1 (SAP.md §4.9). */
export const MEDIAN_DAYS_DECIMALS = 1;

export function timeToEventTableSpec(ctx: TlfContext, args: TimeToEventTableArgs): TableSpec {
  const key: RowKey = { endpoint: args.endpoint, param: '', visit: '', population: args.population, comparator: '' };
  const versus: RowKey = { ...key, comparator: 'PBO' };
  const km = (stat: ArdStat): StatRef => ({ stat, method: 'KM' });
  const stat = (label: string, indent: number, rowKey: RowKey, format: StatRowSpec['format']): StatRowSpec => ({
    kind: 'stat',
    label,
    indent,
    key: rowKey,
    format,
  });
  const rows: RowSpec[] = [
    stat(`${args.eventLabel}, n (%)`, 0, key, { kind: 'countPct', n: { stat: 'events' }, bigN: { stat: 'n' } }),
    stat('Censored, n (%)', 0, key, { kind: 'countPct', n: { stat: 'censored' }, bigN: { stat: 'n' } }),
    stat(args.medianLabel, 0, key, {
      kind: 'estimateCi',
      scale: 'number',
      decimals: MEDIAN_DAYS_DECIMALS,
      estimate: km('median_time'),
      lower: km('median_lcl'),
      upper: km('median_ucl'),
    }),
    { kind: 'separator' },
    { kind: 'label', label: args.survivalLabel, indent: 0 },
    ...args.landmarkDays.map((day) =>
      stat(
        `Day ${day}`,
        1,
        { ...key, param: String(day) },
        {
          kind: 'estimateCi',
          scale: 'percent',
          decimals: 1,
          estimate: km('km'),
          lower: km('km_lcl'),
          upper: km('km_ucl'),
        },
      ),
    ),
  ];
  const blinded = isBlinded(ctx);
  if (!blinded) {
    const columns = [...COMPARED_ARMS];
    rows.push(
      { kind: 'separator' },
      {
        ...stat('Hazard ratio vs placebo (95% CI) [a]', 0, versus, {
          kind: 'estimateCi',
          scale: 'ratio',
          decimals: 2,
          estimate: { stat: 'hr', method: 'COX-EFRON' },
          lower: { stat: 'hr_lcl', method: 'COX-EFRON' },
          upper: { stat: 'hr_ucl', method: 'COX-EFRON' },
        }),
        columns,
      },
      {
        ...stat('Log-rank p-value [b]', 0, versus, { kind: 'pValue', value: { stat: 'p', method: 'LOGRANK' } }),
        columns,
      },
    );
  }
  return {
    id: args.id,
    titles: args.titles,
    populationLabel: args.populationLabel,
    stubHeader: '',
    columns: treatmentColumns(ctx, { key, stat: { stat: 'n' } }),
    rows,
    footnotes: blinded ? args.footnotes : [...args.footnotes, ...TIME_TO_EVENT_COMPARISON_FOOTNOTES],
    notEstimableFootnote: args.notEstimableFootnote ?? timeToEventNotEstimableFootnote(blinded),
  };
}

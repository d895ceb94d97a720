/**
 * T-14.2.8 Corticosteroid discontinuation and time to discontinuation, FAS subjects on systemic
 * corticosteroids at Day 0 (SAP.md §5.8, §6.6, §10.2; ARD endpoints `CSDISC`, `TTCSDISC`): subjects
 * who discontinued by Week 52 n (%), versus placebo the MN difference in percentage points (95% CI)
 * and Fisher's p; then the generic time-to-event block (Kaplan–Meier median and landmark estimates,
 * Cox hazard ratio, log-rank p). The column header N is the number on steroids at Day 0.
 */
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import { isBlinded, treatmentColumns } from './context.js';
import type { TlfContext } from './context.js';
import { proportionComparisonRows } from './sdi.js';
import { timeToEventTableSpec } from './time-to-event.js';

export const STEROID_SPARING_TABLE_ID = 'T-14.2.8';

export function steroidSparingTableSpec(
  ctx: TlfContext,
  landmarkDays: readonly number[],
  minDaysOff: number,
): TableSpec {
  const blinded = isBlinded(ctx);
  const disc: RowKey = { endpoint: 'CSDISC', param: '', visit: 'WEEK52', population: 'FAS', comparator: '' };
  const tte = timeToEventTableSpec(ctx, {
    id: STEROID_SPARING_TABLE_ID,
    titles: [],
    populationLabel: '',
    endpoint: 'TTCSDISC',
    population: 'FAS',
    landmarkDays,
    eventLabel: 'Subjects who discontinued',
    medianLabel: 'Median time to discontinuation (days) (95% CI)',
    survivalLabel: 'Still on corticosteroids (Kaplan-Meier), % (95% CI)',
    footnotes: [],
  });
  const rows: RowSpec[] = [
    {
      kind: 'stat',
      label: 'Discontinued corticosteroids by Week 52, n (%)',
      indent: 0,
      key: disc,
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
    },
    ...(blinded ? [] : proportionComparisonRows(disc, 1, { mn: '[c]', fisher: '[d]' })),
    { kind: 'separator' },
    { kind: 'label', label: 'Time to discontinuation', indent: 0 },
    ...tte.rows.map((r) => (r.kind === 'separator' ? r : { ...r, indent: r.indent + 1 })),
  ];
  return {
    id: STEROID_SPARING_TABLE_ID,
    titles: ['Corticosteroid discontinuation and time to discontinuation'],
    populationLabel: 'Full Analysis Set, subjects on systemic corticosteroids at Day 0',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: disc, stat: { stat: 'N' } }),
    rows,
    footnotes: [
      'N = subjects with a prednisone-equivalent dose > 0 mg on Day 0; percentages are of N.',
      `Discontinuation: the dose is 0 from a day t \u2265 1 through the end of follow-up (Week 52 or the last date of participation, whichever is first), with at least ${minDaysOff} days of follow-up from t. Time to discontinuation: t, or censored at the end of follow-up.`,
      ...tte.footnotes,
      ...(blinded
        ? []
        : [
            '[c] Difference in proportions (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval.',
            "[d] Fisher's exact test, two-sided.",
          ]),
    ],
    notEstimableFootnote: blinded
      ? 'NE = not estimable (a median or confidence limit not reached, or an estimate past the last observed time).'
      : 'NE = not estimable (a median or confidence limit not reached, an estimate past the last observed time, a hazard ratio when the MSC arm or placebo has no discontinuation, a log-rank test without any discontinuation, or a comparison with a group without subjects on corticosteroids).',
  };
}

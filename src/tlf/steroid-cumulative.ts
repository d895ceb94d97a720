/**
 * T-14.2.9 Cumulative prednisone-equivalent dose to Week 52, FAS (SAP.md §5.8, §6.7, §10.2; ARD
 * endpoint `CSCUM`): summary statistics in mg with d = 1 (SAP.md §12 C1, prednisone-equivalent mg) and,
 * versus placebo, the Wilcoxon rank-sum p.
 */
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import { COMPARED_ARMS, isBlinded, treatmentColumns } from './context.js';
import type { TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';

export const STEROID_CUMULATIVE_TABLE_ID = 'T-14.2.9';

export function steroidCumulativeTableSpec(ctx: TlfContext, precision: number): TableSpec {
  const blinded = isBlinded(ctx);
  const key: RowKey = { endpoint: 'CSCUM', param: '', visit: 'WEEK52', population: 'FAS', comparator: '' };
  const summary = descriptiveByVisitSpec(ctx, {
    id: STEROID_CUMULATIVE_TABLE_ID,
    titles: [],
    populationLabel: '',
    key: { endpoint: 'CSCUM', param: '', population: 'FAS' },
    visits: [{ visit: 'WEEK52', label: 'Cumulative dose, Day 0 to Week 52 (mg)' }],
    precision,
    footnotes: [],
    notEstimableFootnote: '',
  });
  const rows: RowSpec[] = [
    ...summary.rows,
    ...(blinded
      ? []
      : [
          { kind: 'separator' } as const,
          {
            kind: 'stat',
            label: 'Wilcoxon rank-sum test p-value vs placebo [a]',
            indent: 0,
            key: { ...key, comparator: 'PBO' },
            columns: [...COMPARED_ARMS],
            format: { kind: 'pValue', value: { stat: 'p', method: 'WILCOXON' } },
          } as const,
        ]),
  ];
  return {
    id: STEROID_CUMULATIVE_TABLE_ID,
    titles: ['Cumulative prednisone-equivalent dose to Week 52'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key, stat: { stat: 'n' } }),
    rows,
    footnotes: [
      'N = subjects in the Full Analysis Set. Sum of the daily prednisone-equivalent doses (systemic corticosteroids) from Day 0 to Week 52 or the last date of participation, whichever is first; 0 for a subject without systemic corticosteroids.',
      ...(blinded
        ? []
        : [
            '[a] Two-sided Wilcoxon rank-sum test (normal approximation with continuity and tie corrections) of the MSC arm and placebo, on doses rounded to 9 decimals.',
          ]),
    ],
    notEstimableFootnote: 'NE = not estimable (no dose variation among the subjects compared).',
  };
}

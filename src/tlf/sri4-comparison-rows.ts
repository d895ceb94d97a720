/**
 * The rows a binary SRI-4 analysis shows for one analysis set (SAP synopsis §5, §5.4): the subjects
 * analysed (N), responders n (%) of N and, unblinded, versus placebo the Miettinen–Nurminen difference
 * in percentage points with its 95% CI and Fisher's exact p, on the MSC columns only. Shared by the
 * sensitivity (T-14.2.1.2) and subgroup (T-14.2.1.3) tables, whose ARD rows have this shape
 * (`SRI4_OC`, `SRI4_AT`, `SRI4_SUB`).
 */
import type { ArdStat } from '../ard/vocabulary.js';
import type { RowKey, StatRef, StatRowSpec } from '../render/table-spec.js';
import { COMPARED_ARMS } from './context.js';

export interface ResponseRowLabels {
  readonly analysed: string;
  readonly responders: string;
  readonly difference: string;
  readonly fisher: string;
}

export const RESPONSE_ROW_LABELS: ResponseRowLabels = {
  analysed: 'Subjects analysed, N',
  responders: 'SRI-4 responders, n (%)',
  difference: 'Difference vs placebo, % (95% CI)',
  fisher: "Fisher's exact test p-value",
};

/** N, n (%), MN difference (95% CI) and Fisher p of one `SRI4_*` key (comparator empty), at `indent`. */
export function sri4ResponseRows(key: RowKey, indent: number, labels: ResponseRowLabels): StatRowSpec[] {
  const versus: RowKey = { ...key, comparator: 'PBO' };
  const columns = [...COMPARED_ARMS];
  const mn = (stat: ArdStat): StatRef => ({ stat, method: 'MN' });
  return [
    { kind: 'stat', label: labels.analysed, indent, key, format: { kind: 'count', value: { stat: 'N' } } },
    {
      kind: 'stat',
      label: labels.responders,
      indent,
      key,
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
    },
    {
      kind: 'stat',
      label: labels.difference,
      indent,
      key: versus,
      columns,
      format: {
        kind: 'estimateCi',
        scale: 'percent',
        decimals: 1,
        estimate: mn('diff'),
        lower: mn('diff_lcl'),
        upper: mn('diff_ucl'),
      },
    },
    {
      kind: 'stat',
      label: labels.fisher,
      indent,
      key: versus,
      columns,
      format: { kind: 'pValue', value: { stat: 'p', method: 'FISHER' } },
    },
  ];
}

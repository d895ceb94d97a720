/**
 * Primary endpoint table: SRI-4 response at Week 24, FAS (SAP synopsis §4, §5, §5.1; ARD endpoint
 * `SRI4`). Unblinded: per arm n (%), then versus placebo the difference in % with the
 * Miettinen–Nurminen 95% CI and Fisher's exact p, the odds ratio with Wald 95% CI and p from logistic
 * regression adjusted for baseline SLEDAI-2K, and the Hochberg-adjusted p; then each component n (%).
 * Blinded: one Total column and no comparison rows.
 */
import type { ArdStat } from '../ard/vocabulary.js';
import type { RowKey, RowSpec, StatRef, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { COMPARED_ARMS, isBlinded, treatmentColumns } from './context.js';
import type { TlfContext } from './context.js';

export const SRI4_TABLE_ID = 'T-14.2.1';

const OVERALL: RowKey = { endpoint: 'SRI4', param: '', visit: 'WEEK24', population: 'FAS', comparator: '' };
const VERSUS_PBO: RowKey = { ...OVERALL, comparator: 'PBO' };

/** The SRI-4 components in the ARD (`param`) and their row labels. */
export const SRI4_COMPONENTS: readonly { readonly param: string; readonly label: string }[] = [
  { param: 'SLEDAI', label: 'SLEDAI-2K reduction from baseline \u2265 4' },
  { param: 'BILAG', label: 'No new BILAG A and \u2264 1 new BILAG B domain' },
  { param: 'PGA', label: 'PGA increase from baseline < 0.3' },
  { param: 'STEROID', label: 'Prednisone-equivalent dose \u2264 10 mg/day, Week 20 to Week 24' },
];

const NE_FOOTNOTE =
  'NE = not estimable (an odds ratio when a group compared has no responders or only responders, or a model that does not converge).';

function responderRow(): StatRowSpec {
  return {
    kind: 'stat',
    label: 'SRI-4 responders, n (%)',
    indent: 0,
    key: OVERALL,
    format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
  };
}

function comparisonRows(): StatRowSpec[] {
  const columns = [...COMPARED_ARMS];
  const row = (label: string, format: StatRowSpec['format']): StatRowSpec => ({
    kind: 'stat',
    label,
    indent: 1,
    key: VERSUS_PBO,
    format,
    columns,
  });
  const mn = (stat: ArdStat): StatRef => ({ stat, method: 'MN' });
  const logistic = (stat: ArdStat): StatRef => ({ stat, method: 'LOGISTIC' });
  return [
    row('Difference vs placebo, percentage points (95% CI) [a]', {
      kind: 'estimateCi',
      scale: 'percent',
      decimals: 1,
      estimate: mn('diff'),
      lower: mn('diff_lcl'),
      upper: mn('diff_ucl'),
    }),
    row("Fisher's exact test p-value [b]", { kind: 'pValue', value: { stat: 'p', method: 'FISHER' } }),
    row('Odds ratio vs placebo (95% CI) [c]', {
      kind: 'estimateCi',
      scale: 'ratio',
      decimals: 2,
      estimate: logistic('or'),
      lower: logistic('or_lcl'),
      upper: logistic('or_ucl'),
    }),
    row('Logistic regression p-value [c]', { kind: 'pValue', value: logistic('p') }),
    row('Hochberg-adjusted p-value [d]', { kind: 'pValue', value: { stat: 'p_adj', method: 'HOCHBERG' } }),
  ];
}

function componentRows(): RowSpec[] {
  return [
    { kind: 'label', label: 'SRI-4 components met, n (%)', indent: 0 },
    ...SRI4_COMPONENTS.map((c): StatRowSpec => ({
      kind: 'stat',
      label: c.label,
      indent: 1,
      key: { ...OVERALL, param: c.param },
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
    })),
  ];
}

function footnotes(blinded: boolean): string[] {
  const common = [
    'N = number of subjects in the Full Analysis Set; percentages are of N.',
    'Responder: all four components met at Week 24; a subject with any component missing or who withdrew before Week 24 is a non-responder. A missing component counts as not met.',
  ];
  if (blinded) return common;
  return [
    ...common,
    '[a] Difference in response rates (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval.',
    "[b] Fisher's exact test, two-sided.",
    '[c] Logistic regression of response on treatment group and baseline SLEDAI-2K; Wald 95% confidence interval and p-value.',
    '[d] Hochberg adjustment over the two logistic regression p-values.',
  ];
}

export function sri4TableSpec(ctx: TlfContext): TableSpec {
  const blinded = isBlinded(ctx);
  return {
    id: SRI4_TABLE_ID,
    titles: ['SLE Responder Index (SRI-4) response at Week 24'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: OVERALL, stat: { stat: 'N' } }),
    rows: [responderRow(), ...(blinded ? [] : comparisonRows()), { kind: 'separator' }, ...componentRows()],
    footnotes: footnotes(blinded),
    notEstimableFootnote: NE_FOOTNOTE,
  };
}

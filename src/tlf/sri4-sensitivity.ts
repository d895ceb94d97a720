/**
 * T-14.2.1.2 SRI-4 at Week 24: sensitivity and supportive analyses (SAP synopsis §5.4; ARD endpoints
 * `SRI4_STRAT`, `SRI4_OC`, `SRI4_AT`), beside the primary table T-14.2.1. Three blocks, each MSC arm
 * versus placebo:
 * - stratified: the primary response n (%) (`SRI4`), the Mantel–Haenszel common odds ratio with the
 *   Robins–Breslow–Greenland 95% CI and the CMH p-value, stratified by the randomization stratum;
 * - observed cases (no non-responder imputation) and as treated (Safety Set by arm actually infused):
 *   N analysed, responders n (%), MN difference (95% CI), Fisher's p.
 * Unblinded runs only: every block is a comparison between arms (the pipeline does not ask for it
 * blinded, and a blinded context is refused here so that no caller can leak a comparison).
 */
import type { ArdStat } from '../ard/vocabulary.js';
import type { RowKey, RowSpec, StatRef, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { COMPARED_ARMS, isBlinded, treatmentColumns, type TlfContext } from './context.js';
import { RESPONSE_ROW_LABELS, sri4ResponseRows } from './sri4-comparison-rows.js';

export const SRI4_SENSITIVITY_TABLE_ID = 'T-14.2.1.2';

const WEEK24 = 'WEEK24';
const PRIMARY: RowKey = { endpoint: 'SRI4', param: '', visit: WEEK24, population: 'FAS', comparator: '' };
const STRATIFIED: RowKey = { endpoint: 'SRI4_STRAT', param: '', visit: WEEK24, population: 'FAS', comparator: 'PBO' };
const OBSERVED: RowKey = { endpoint: 'SRI4_OC', param: '', visit: WEEK24, population: 'FAS', comparator: '' };
const AS_TREATED: RowKey = { endpoint: 'SRI4_AT', param: '', visit: WEEK24, population: 'SAF', comparator: '' };

function stratifiedRows(): RowSpec[] {
  const columns = [...COMPARED_ARMS];
  const mh = (stat: ArdStat): StatRef => ({ stat, method: 'MH' });
  const rows: StatRowSpec[] = [
    {
      kind: 'stat',
      label: 'SRI-4 responders, n (%)',
      indent: 1,
      key: PRIMARY,
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
    },
    {
      kind: 'stat',
      label: 'Mantel-Haenszel odds ratio vs placebo (95% CI) [b]',
      indent: 1,
      key: STRATIFIED,
      columns,
      format: {
        kind: 'estimateCi',
        scale: 'ratio',
        decimals: 2,
        estimate: mh('or'),
        lower: mh('or_lcl'),
        upper: mh('or_ucl'),
      },
    },
    {
      kind: 'stat',
      label: 'Cochran-Mantel-Haenszel test p-value [a]',
      indent: 1,
      key: STRATIFIED,
      columns,
      format: { kind: 'pValue', value: { stat: 'p', method: 'CMH' } },
    },
  ];
  return [
    { kind: 'label', label: 'Stratified by randomization stratum (non-responder imputation) [a]', indent: 0 },
    ...rows,
  ];
}

const COMPARISON_LABELS = {
  ...RESPONSE_ROW_LABELS,
  difference: `${RESPONSE_ROW_LABELS.difference} [e]`,
  fisher: `${RESPONSE_ROW_LABELS.fisher} [f]`,
};

function blockRows(heading: string, key: RowKey): RowSpec[] {
  return [{ kind: 'label', label: heading, indent: 0 }, ...sri4ResponseRows(key, 1, COMPARISON_LABELS)];
}

export function sri4SensitivityTableSpec(ctx: TlfContext): TableSpec {
  if (isBlinded(ctx))
    throw new Error(`${SRI4_SENSITIVITY_TABLE_ID} compares arms and is not produced in a blinded run`);
  return {
    id: SRI4_SENSITIVITY_TABLE_ID,
    titles: ['SLE Responder Index (SRI-4) at Week 24: Sensitivity and Supportive Analyses'],
    populationLabel: 'Full Analysis Set; Safety Set for the as-treated analysis',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: PRIMARY, stat: { stat: 'N' } }),
    rows: [
      ...stratifiedRows(),
      { kind: 'separator' },
      ...blockRows('Observed cases (no imputation) [c]', OBSERVED),
      { kind: 'separator' },
      ...blockRows('As treated: Safety Set by arm actually infused [d]', AS_TREATED),
    ],
    footnotes: [
      'N in the column header: subjects in the Full Analysis Set by randomized arm. Percentages are of the subjects analysed in each block.',
      '[a] Cochran-Mantel-Haenszel test of each MSC arm versus placebo stratified by the randomization stratum (screening SLEDAI-2K < 10 / >= 10, as randomized), without continuity correction; a stratum enters only with at least 2 subjects of the two arms compared. Response as in the primary analysis (T-14.2.1).',
      '[b] Mantel-Haenszel common odds ratio with the Robins-Breslow-Greenland 95% confidence interval.',
      '[c] Subjects with all four SRI-4 components observed at Week 24 and no withdrawal before Week 24; responder = all four components met.',
      '[d] Subjects infused, by the arm actually infused; response as in the primary analysis (non-responder imputation).',
      '[e] Difference in response rates (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval.',
      "[f] Fisher's exact test, two-sided.",
      'All analyses in this table are supportive and nominal (no multiplicity adjustment).',
    ],
    notEstimableFootnote:
      'NE = not estimable (a Mantel-Haenszel odds ratio whose numerator or denominator sum is 0, a CMH test with zero variance, or a difference when a group has no subjects).',
  };
}

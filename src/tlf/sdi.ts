/**
 * T-14.2.7 SLICC/ACR Damage Index: change to Week 52 and worsening, FAS (SAP.md §5.6, §6.8, §10.2;
 * ARD endpoint `SDI`). Summary statistics of the total at baseline (screening) and Week 52 and of the
 * change, with d = 0 (SAP.md §12 C1: the SDI total is a whole number); worsening (increase ≥ 1)
 * n (%) of the subjects with both totals, and versus placebo the MN difference in percentage points
 * (95% CI) and Fisher's p.
 */
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { COMPARED_ARMS, FAS_BIG_N, isBlinded, treatmentColumns } from './context.js';
import type { TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';

export const SDI_TABLE_ID = 'T-14.2.7';

const WORSEN: RowKey = { endpoint: 'SDI', param: 'WORSEN', visit: 'WEEK52', population: 'FAS', comparator: '' };

/** Difference (MN, % points, 95% CI) and Fisher p rows of a binary endpoint versus placebo, MSC columns only. */
export function proportionComparisonRows(
  key: RowKey,
  indent: number,
  marks: { mn: string; fisher: string },
): StatRowSpec[] {
  const versus: RowKey = { ...key, comparator: 'PBO' };
  const columns = [...COMPARED_ARMS];
  return [
    {
      kind: 'stat',
      label: `Difference vs placebo, percentage points (95% CI) ${marks.mn}`,
      indent,
      key: versus,
      columns,
      format: {
        kind: 'estimateCi',
        scale: 'percent',
        decimals: 1,
        estimate: { stat: 'diff', method: 'MN' },
        lower: { stat: 'diff_lcl', method: 'MN' },
        upper: { stat: 'diff_ucl', method: 'MN' },
      },
    },
    {
      kind: 'stat',
      label: `Fisher's exact test p-value ${marks.fisher}`,
      indent,
      key: versus,
      columns,
      format: { kind: 'pValue', value: { stat: 'p', method: 'FISHER' } },
    },
  ];
}

export function sdiTableSpec(ctx: TlfContext, precision: number): TableSpec {
  const blinded = isBlinded(ctx);
  const summary = (param: string, visits: { visit: string; label: string }[]) =>
    descriptiveByVisitSpec(ctx, {
      id: SDI_TABLE_ID,
      titles: [],
      populationLabel: '',
      key: { endpoint: 'SDI', param, population: 'FAS' },
      visits,
      precision,
      footnotes: [],
      notEstimableFootnote: '',
    }).rows;
  const rows: RowSpec[] = [
    { kind: 'label', label: 'SLICC/ACR DI total', indent: 0 },
    ...summary('AVAL', [
      { visit: 'BASELINE', label: 'Baseline (screening)' },
      { visit: 'WEEK52', label: 'Week 52' },
    ]).map(indentBy(1)),
    { kind: 'separator' },
    { kind: 'label', label: 'Change from baseline', indent: 0 },
    ...summary('CHG', [{ visit: 'WEEK52', label: 'Week 52' }]).map(indentBy(1)),
    { kind: 'separator' },
    {
      kind: 'stat',
      label: 'Worsening (increase \u2265 1) at Week 52, n (%) [a]',
      indent: 0,
      key: WORSEN,
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
    },
    ...(blinded ? [] : proportionComparisonRows(WORSEN, 1, { mn: '[b]', fisher: '[c]' })),
  ];
  const footnotes = [
    'Baseline is the screening assessment; summaries are of observed cases (n = subjects with a value).',
    '[a] Percentages are of the subjects with both the baseline and the Week 52 total.',
    ...(blinded
      ? []
      : [
          '[b] Difference in proportions (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval.',
          "[c] Fisher's exact test, two-sided.",
        ]),
  ];
  return {
    id: SDI_TABLE_ID,
    titles: ['SLICC/ACR Damage Index: change to Week 52 and worsening'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, FAS_BIG_N),
    rows,
    footnotes,
    notEstimableFootnote: 'NE = not estimable (a comparison with a group without subjects).',
  };
}

/** d of a derived parameter from the settings (SAP.md §12 C1: `SDI` 0, prednisone-equivalent mg `CSDOSE` 1). */
export function derivedPrecisionOf(settings: Pick<SapSettings, 'display'>, code: string): number {
  const d = settings.display.derivedPrecision[code];
  if (d === undefined) throw new Error(`settings give no display precision (display.derivedPrecision) for ${code}`);
  return d;
}

/** Shifts a generic block's rows one level right under a heading. */
export function indentBy(levels: number): (r: RowSpec) => RowSpec {
  return (r) => (r.kind === 'separator' ? r : { ...r, indent: r.indent + levels });
}

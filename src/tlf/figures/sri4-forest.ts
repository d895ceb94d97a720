/**
 * F-14.2.4 Forest plot of the SRI-4 response at Week 24 (SAP synopsis §5.4): the difference in
 * response rate of each MSC arm versus placebo (percentage points) with its Miettinen–Nurminen 95% CI,
 * for the Full Analysis Set and each subgroup of T-14.2.1.3, two markers per row (one per MSC arm),
 * with n/N of every arm beside the row. Every number is read from the ARD (`SRI4`, `SRI4_SUB`).
 * Unblinded runs only: the figure is nothing but a comparison of arms (null when blinded).
 */
import type { ArdRow, Group } from '../../ard/types.js';
import { ardLookup, type ValueLookup } from '../../render/ard-lookup.js';
import type { ForestChartSpec, ForestEstimate, ForestRow } from '../../render/charts/figure-spec.js';
import { typesetPowersOfTen } from '../../render/charts/svg-text.js';
import { markLines } from '../../render/print-form.js';
import type { RowKey } from '../../render/table-spec.js';
import type { SapSettings } from '../../sap/index.js';
import { ARMS, COMPARED_ARMS, isBlinded, printFlagsOf, type TlfContext } from '../context.js';
import { sri4SubgroupFamilies, sri4SubgroupKey, SRI4_SUBGROUP_TABLE_ID } from '../sri4-subgroups.js';
import type { ArdStat } from '../../ard/vocabulary.js';

export const SRI4_FOREST_FIGURE_ID = 'F-14.2.4';

const OVERALL: RowKey = { endpoint: 'SRI4', param: '', visit: 'WEEK24', population: 'FAS', comparator: '' };

/** `n/N` of one group of one key. */
function countText(lookup: ValueLookup, key: RowKey, group: Group): string {
  const n = lookup({ ...key, group, stat: 'n', method: '' });
  const N = lookup({ ...key, group, stat: 'N', method: '' });
  if (n === null || N === null) throw new Error(`${key.endpoint} ${key.param}: a count is empty`);
  return `${n}/${N}`;
}

/** MN difference (MSC − PBO) and its CI of one arm, on the percentage-point scale. */
function difference(lookup: ValueLookup, key: RowKey, group: Group): ForestEstimate {
  const v = (stat: ArdStat) => {
    const x = lookup({ ...key, comparator: 'PBO', group, stat, method: 'MN' });
    // Shown in percentage points; the ARD keeps the fraction (decimal shift for display only).
    return x === null ? null : Number((x * 100).toPrecision(15));
  };
  return { estimate: v('diff'), lower: v('diff_lcl'), upper: v('diff_ucl') };
}

function dataRow(lookup: ValueLookup, key: RowKey, label: string, indent: number): ForestRow {
  return {
    label,
    indent,
    heading: false,
    texts: ARMS.map((arm) => countText(lookup, key, arm)),
    estimates: COMPARED_ARMS.map((arm) => difference(lookup, key, arm)),
  };
}

export function sri4ForestFigureSpec(input: {
  readonly ard: readonly ArdRow[];
  readonly settings: Pick<SapSettings, 'stratum' | 'demography' | 'subgroups'>;
  readonly ctx: TlfContext;
}): ForestChartSpec | null {
  const { ctx } = input;
  if (isBlinded(ctx)) return null;
  const lookup = ardLookup(input.ard);
  const label = (g: Group) => typesetPowersOfTen(g === 'TOTAL' ? ctx.totalLabel : ctx.armLabels[g]);
  const rows: ForestRow[] = [
    dataRow(lookup, OVERALL, 'Full Analysis Set', 0),
    ...sri4SubgroupFamilies(input.settings).flatMap((family): ForestRow[] => [
      { label: family.label, indent: 0, heading: true, texts: [], estimates: [] },
      ...family.subgroups.map((s) => dataRow(lookup, sri4SubgroupKey(s.param), s.label, 1)),
    ]),
  ];
  return {
    kind: 'forest',
    id: SRI4_FOREST_FIGURE_ID,
    marks: markLines(printFlagsOf(ctx)),
    titles: [
      `Figure ${SRI4_FOREST_FIGURE_ID}`,
      'SRI-4 Response at Week 24: Difference vs Placebo (95% CI), Overall and by Subgroup',
      'Full Analysis Set',
    ],
    labelHeader: 'Subgroup',
    textColumns: ARMS.map((arm) => `${label(arm)} n/N`),
    // Style indices as in the other figures: placebo is series 0, the MSC arms 1 and 2.
    series: COMPARED_ARMS.map((arm) => ({ label: `${label(arm)} vs ${label('PBO')}`, styleIndex: ARMS.indexOf(arm) })),
    rows,
    x: { label: 'Difference in response rate (percentage points)', limits: [-100, 100] },
    referenceX: 0,
    sideNotes: { left: '\u2190 Favours placebo', right: 'Favours MSC \u2192' },
    footnotes: [
      'n/N: SRI-4 responders at Week 24 / subjects (non-responder imputation). Difference in response rate (MSC minus placebo) with the Miettinen-Nurminen 95% confidence interval, each MSC arm versus placebo within the subgroup.',
      `Numbers as in Tables T-14.2.1 and ${SRI4_SUBGROUP_TABLE_ID}. Subgroup analyses are descriptive: no interaction test, no multiplicity adjustment. A difference that is not estimable is not drawn.`,
    ],
  };
}

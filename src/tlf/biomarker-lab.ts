/**
 * T-14.2.14 C3, C4, anti-dsDNA, UPCR and change from baseline by visit, FAS (SAP.md §5.9, §6.9,
 * §10.2; ARD endpoint `LAB`): for each test the summary statistics of the value at each scheduled
 * visit (the baseline value at Baseline) and of the change at each post-baseline visit, with the SAP
 * §4.9 precision rule on the test's data precision d (`computeLabPrecision`: the most decimals among
 * its collected results, all subjects and visits; the change takes the same d; a test without any
 * result has nothing to show and takes 0).
 */
import type { RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { scheduledVisitLabels, testLabel } from './biomarker-labels.js';
import { FAS_BIG_N, treatmentColumns, type TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';
import { indentBy } from './sdi.js';

export const LAB_TABLE_ID = 'T-14.2.14';

export function labTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum' | 'labSummaryTests'>,
  precision: ReadonlyMap<string, number>,
): TableSpec {
  const block = (test: string, param: 'AVAL' | 'CHG', label: string): RowSpec[] => [
    { kind: 'label', label, indent: 1 },
    ...descriptiveByVisitSpec(ctx, {
      id: LAB_TABLE_ID,
      titles: [],
      populationLabel: '',
      key: { endpoint: 'LAB', param: `${test}:${param}`, population: 'FAS' },
      visits: scheduledVisitLabels(settings, param === 'CHG'),
      precision: precision.get(test) ?? 0,
      footnotes: [],
      notEstimableFootnote: '',
    }).rows.map(indentBy(2)),
  ];
  const rows = settings.labSummaryTests.flatMap((test, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: testLabel(test), indent: 0 },
    ...block(test, 'AVAL', 'Value'),
    { kind: 'separator' },
    ...block(test, 'CHG', 'Change from baseline'),
  ]);
  return {
    id: LAB_TABLE_ID,
    titles: ['C3, C4, anti-dsDNA, UPCR and change from baseline by visit'],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, FAS_BIG_N),
    rows,
    footnotes: [
      'Observed cases at scheduled visits; Baseline as defined in SAP Section 4.2. A result reported as <x or >x is summarised as x.',
    ],
    notEstimableFootnote: 'NE = not estimable (no subject with a value).',
  };
}

/**
 * T-14.3.6 Haematology and change from baseline by visit and T-14.3.7 haematology shifts from
 * baseline against the normal range, Safety Set by arm actually infused (SAP §7.2; ARD endpoints `HAEM`,
 * `HAEMSHIFT`, src/analyze/haematology.ts). The tests are the lock's haematology panel; with none, the
 * tables say so rather than invent a test.
 */
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { scheduledVisitLabels, visitDisplayLabel } from './biomarker-labels.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';
import { indentBy } from './sdi.js';

export const HAEM_TABLE_ID = 'T-14.3.6';
export const HAEM_SHIFT_TABLE_ID = 'T-14.3.7';

export interface HaematologyPanel {
  /** LBTESTCD in display order. */
  readonly tests: readonly string[];
  /** Display label of each test (`LBTEST (unit)`). */
  readonly labels: ReadonlyMap<string, string>;
  /** Data precision d of each test (SAP §4.9). */
  readonly precision: ReadonlyMap<string, number>;
}

const NO_TEST: RowSpec = { kind: 'label', label: 'No haematology test in the laboratory data (LB).', indent: 0 };

export function haematologyTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum'>,
  panel: HaematologyPanel,
): TableSpec {
  const block = (test: string, param: 'AVAL' | 'CHG', label: string): RowSpec[] => [
    { kind: 'label', label, indent: 1 },
    ...descriptiveByVisitSpec(ctx, {
      id: HAEM_TABLE_ID,
      titles: [],
      populationLabel: '',
      key: { endpoint: 'HAEM', param: `${test}:${param}`, population: 'SAF' },
      visits: scheduledVisitLabels(settings, param === 'CHG'),
      precision: panel.precision.get(test) ?? 0,
      footnotes: [],
      notEstimableFootnote: '',
    }).rows.map(indentBy(2)),
  ];
  const rows = panel.tests.flatMap((test, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: panel.labels.get(test) ?? test, indent: 0 },
    ...block(test, 'AVAL', 'Value'),
    { kind: 'separator' },
    ...block(test, 'CHG', 'Change from baseline'),
  ]);
  return {
    id: HAEM_TABLE_ID,
    titles: ['Haematology and change from baseline by visit'],
    populationLabel: 'Safety Set',
    stubHeader: '',
    columns: treatmentColumns(ctx),
    rows: rows.length === 0 ? [NO_TEST] : rows,
    footnotes: [
      'Safety Set, by treatment actually infused. Observed cases at scheduled visits; Baseline as defined in SAP Section 4.2. A result reported as <x or >x is summarised as x.',
    ],
    notEstimableFootnote: 'NE = not estimable (no subject with a value).',
  };
}

const CATEGORIES = ['LOW', 'NORMAL', 'HIGH', 'MISSING'] as const;
const CATEGORY_LABELS: Readonly<Record<(typeof CATEGORIES)[number], string>> = {
  LOW: 'Low',
  NORMAL: 'Normal',
  HIGH: 'High',
  MISSING: 'Missing',
};

export function haematologyShiftTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum' | 'biomarkerShiftVisitnums'>,
  panel: Pick<HaematologyPanel, 'tests' | 'labels'>,
): TableSpec {
  const visits = settings.biomarkerShiftVisitnums.map((n) => {
    const v = settings.visits.find((x) => x.visitnum === n);
    if (!v) throw new Error(`shift visit ${n} is not a scheduled visit`);
    return { id: v.id, label: visitDisplayLabel(v, settings.baselineVisitnum) };
  });
  const keyOf = (test: string, b: string, p: string, visit: string): RowKey => ({
    endpoint: 'HAEMSHIFT',
    param: `${test}:${b}:${p}`,
    visit,
    population: 'SAF',
    comparator: '',
  });
  const rows = panel.tests.flatMap((test, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: panel.labels.get(test) ?? test, indent: 0 },
    ...visits.flatMap((v): RowSpec[] => [
      { kind: 'label', label: `Baseline \u2192 ${v.label}`, indent: 1 },
      ...CATEGORIES.flatMap((b) =>
        CATEGORIES.map((p): RowSpec => ({
          kind: 'stat',
          label: `${CATEGORY_LABELS[b]} \u2192 ${CATEGORY_LABELS[p]}`,
          indent: 2,
          key: keyOf(test, b, p, v.id),
          format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
        })),
      ),
    ]),
  ]);
  const [first] = panel.tests;
  const [firstVisit] = visits;
  return {
    id: HAEM_SHIFT_TABLE_ID,
    titles: ['Haematology shifts from baseline against the normal range'],
    populationLabel: 'Safety Set',
    stubHeader: 'Test / Baseline \u2192 visit',
    columns: treatmentColumns(
      ctx,
      first !== undefined && firstVisit !== undefined
        ? { key: keyOf(first, 'LOW', 'LOW', firstVisit.id), stat: { stat: 'N' } }
        : undefined,
    ),
    rows: rows.length === 0 ? [NO_TEST] : rows,
    footnotes: [
      'N = subjects in the Safety Set, by treatment actually infused; percentages are of N.',
      "Low / High: below / above the result's own normal range (LBSTNRLO, LBSTNRHI); a result <x is just below x, >x just above x. Missing: no result at that visit (or no baseline).",
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

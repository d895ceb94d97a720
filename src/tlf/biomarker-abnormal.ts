/**
 * T-14.2.12 Biomarker abnormalities by visit, FAS (SAP.md §5.9, §6.9, §10.2; ARD endpoint
 * `BIOMARKER`): for each flag, at each scheduled visit (the baseline value at Baseline), n (%) of the
 * subjects with a result at that visit (the row's own N).
 */
import type { RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { flagLabel, scheduledVisitLabels } from './biomarker-labels.js';
import { FAS_BIG_N, treatmentColumns, type TlfContext } from './context.js';

export const BIOMARKER_TABLE_ID = 'T-14.2.12';

export function biomarkerAbnormalTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum' | 'biomarkers'>,
): TableSpec {
  const visits = scheduledVisitLabels(settings);
  const rows = settings.biomarkers.flatMap((b, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: flagLabel(b.flag), indent: 0 },
    ...visits.map((v): RowSpec => ({
      kind: 'stat',
      label: v.label,
      indent: 1,
      key: { endpoint: 'BIOMARKER', param: b.flag, visit: v.visit, population: 'FAS', comparator: '' },
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' }, showDenominator: true },
    })),
  ]);
  return {
    id: BIOMARKER_TABLE_ID,
    titles: ['Biomarker abnormalities by visit'],
    populationLabel: 'Full Analysis Set',
    stubHeader: 'Abnormality / Visit',
    columns: treatmentColumns(ctx, FAS_BIG_N),
    rows,
    footnotes: [
      'N in the column header: subjects in the Full Analysis Set. n/N (%): n subjects with the abnormality of N with a result at that visit (scheduled visits only; Baseline as defined in SAP Section 4.2); percentages are of that N.',
      'A result reported as <x is taken as just below x, >x as just above x.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

/**
 * T-14.2.15 PGA and change from baseline by visit and T-14.2.16 BILAG-2004 grades by domain and
 * visit, FAS (ARD endpoints `PGA`, `BILAGGRADE`, src/analyze/pga-bilag-visits.ts).
 */
import type { RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { scheduledVisitLabels } from './biomarker-labels.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { descriptiveByVisitSpec } from './descriptive-by-visit.js';
import { indentBy } from './sdi.js';

export const PGA_VISIT_TABLE_ID = 'T-14.2.15';
export const BILAG_GRADE_TABLE_ID = 'T-14.2.16';

/** PGA is recorded in hundredths (SAP §5.4 compares it so): its data precision d is 2. */
const PGA_PRECISION = 2;

export function pgaByVisitTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum'>,
): TableSpec {
  const block = (param: 'AVAL' | 'CHG', label: string): RowSpec[] => [
    { kind: 'label', label, indent: 0 },
    ...descriptiveByVisitSpec(ctx, {
      id: PGA_VISIT_TABLE_ID,
      titles: [],
      populationLabel: '',
      key: { endpoint: 'PGA', param, population: 'FAS' },
      visits: scheduledVisitLabels(settings, param === 'CHG'),
      precision: PGA_PRECISION,
      footnotes: [],
      notEstimableFootnote: '',
    }).rows.map(indentBy(1)),
  ];
  return {
    id: PGA_VISIT_TABLE_ID,
    titles: ["Physician's Global Assessment and change from baseline by visit"],
    populationLabel: 'Full Analysis Set',
    stubHeader: '',
    columns: treatmentColumns(ctx),
    rows: [...block('AVAL', 'PGA (0-3)'), { kind: 'separator' }, ...block('CHG', 'Change from baseline')],
    footnotes: ['Observed cases at scheduled visits; Baseline as defined in SAP Section 4.2.'],
    notEstimableFootnote: 'NE = not estimable (no subject with a value).',
  };
}

export function bilagGradeTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum' | 'bilag'>,
): TableSpec {
  const visits = scheduledVisitLabels(settings);
  const grades = [...settings.bilag.grades, 'MISSING'];
  const rows = settings.bilag.domains.flatMap((d, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: d.name, indent: 0 },
    ...visits.flatMap((v): RowSpec[] => [
      { kind: 'label', label: v.label, indent: 1 },
      ...grades.map((g): RowSpec => ({
        kind: 'stat',
        label: g === 'MISSING' ? 'Missing' : `Grade ${g}`,
        indent: 2,
        key: { endpoint: 'BILAGGRADE', param: `${d.code}:${g}`, visit: v.visit, population: 'FAS', comparator: '' },
        format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
      })),
    ]),
  ]);
  const [first] = settings.bilag.domains;
  const [firstVisit] = visits;
  return {
    id: BILAG_GRADE_TABLE_ID,
    titles: ['BILAG-2004 grades by domain and visit'],
    populationLabel: 'Full Analysis Set',
    stubHeader: 'Domain / Visit / Grade',
    columns: treatmentColumns(
      ctx,
      first && firstVisit
        ? {
            key: {
              endpoint: 'BILAGGRADE',
              param: `${first.code}:MISSING`,
              visit: firstVisit.visit,
              population: 'FAS',
              comparator: '',
            },
            stat: { stat: 'N' },
          }
        : undefined,
    ),
    rows,
    footnotes: [
      'N = subjects in the Full Analysis Set; percentages are of N. Grade A: most active; E: never involved. Missing: domain not graded at that visit.',
      'Observed grades at scheduled visits; Baseline as defined in SAP Section 4.2.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

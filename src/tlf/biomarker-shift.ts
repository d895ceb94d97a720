/**
 * T-14.2.13 Biomarker shifts from baseline to Weeks 12, 24 and 52, FAS (SAP.md §5.9, §6.9, §10.2; ARD
 * endpoint `BIOSHIFT`): for each flag and shift visit the nine combinations of baseline status × visit
 * status (Abnormal, Normal, Missing), n (%) of the group's FAS count.
 */
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { flagLabel, STATUS_LABELS, visitDisplayLabel } from './biomarker-labels.js';
import { treatmentColumns, type TlfContext } from './context.js';

export const BIOSHIFT_TABLE_ID = 'T-14.2.13';

const STATUSES = ['ABN', 'NORM', 'MISS'] as const;

export function biomarkerShiftTableSpec(
  ctx: TlfContext,
  settings: Pick<SapSettings, 'visits' | 'baselineVisitnum' | 'biomarkers' | 'biomarkerShiftVisitnums'>,
): TableSpec {
  const visits = settings.biomarkerShiftVisitnums.map((n) => {
    const v = settings.visits.find((x) => x.visitnum === n);
    if (!v) throw new Error(`shift visit ${n} is not a scheduled visit`);
    return { id: v.id, label: visitDisplayLabel(v, settings.baselineVisitnum) };
  });
  const rows = settings.biomarkers.flatMap((b, i): RowSpec[] => [
    ...(i > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'label', label: flagLabel(b.flag), indent: 0 },
    ...visits.flatMap((v): RowSpec[] => [
      { kind: 'label', label: `Baseline \u2192 ${v.label}`, indent: 1 },
      ...STATUSES.flatMap((base) =>
        STATUSES.map((at): RowSpec => ({
          kind: 'stat',
          label: `${STATUS_LABELS[base]} \u2192 ${STATUS_LABELS[at]}`,
          indent: 2,
          key: {
            endpoint: 'BIOSHIFT',
            param: `${b.flag}:${base}:${at}`,
            visit: v.id,
            population: 'FAS',
            comparator: '',
          },
          format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
        })),
      ),
    ]),
  ]);
  const first = settings.biomarkers[0];
  const firstVisit = visits[0];
  const bigNKey: RowKey | null =
    first && firstVisit
      ? {
          endpoint: 'BIOSHIFT',
          param: `${first.flag}:ABN:ABN`,
          visit: firstVisit.id,
          population: 'FAS',
          comparator: '',
        }
      : null;
  return {
    id: BIOSHIFT_TABLE_ID,
    titles: ['Biomarker shifts from baseline to Weeks 12, 24 and 52'],
    populationLabel: 'Full Analysis Set',
    stubHeader: 'Abnormality / Baseline \u2192 visit status',
    columns: treatmentColumns(ctx, bigNKey === null ? undefined : { key: bigNKey, stat: { stat: 'N' } }),
    rows,
    footnotes: [
      'N = subjects in the Full Analysis Set; percentages are of N. Missing = no result at that visit (or no baseline).',
      'A result reported as <x is taken as just below x, >x as just above x.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

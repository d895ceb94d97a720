/**
 * T-14.1.1 Subject disposition, all enrolled subjects by randomized arm (SAP §7.3, §10.2; ARD
 * endpoint `DISPOSITION`): randomized, infused, completed and discontinued n (%) of the group's
 * enrolled count, then each discontinuation reason that occurs. Reasons are ordered by decreasing
 * Total count, then alphabetically (as SOCs, SAP §12 C7), so blinded and unblinded tables agree.
 */
import type { ArdRow } from '../ard/types.js';
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { sentenceCase } from './ae-overview.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { endpointRows } from './endpoint-rows.js';

export const DISPOSITION_TABLE_ID = 'T-14.1.1';

const key = (param: string): RowKey => ({
  endpoint: 'DISPOSITION',
  param,
  visit: '',
  population: 'ENR',
  comparator: '',
});

const STATUS_ROWS: readonly { readonly param: string; readonly label: string }[] = [
  { param: 'RANDOMIZED', label: 'Randomized' },
  { param: 'INFUSED', label: 'Infused (study infusion given)' },
  { param: 'COMPLETED', label: 'Completed the study' },
  { param: 'DISCONTINUED', label: 'Discontinued the study' },
];

/** Discontinuation reasons of the ARD (`DISC:<reason>`), by decreasing Total n, then alphabetically. */
export function dispositionReasons(ard: readonly ArdRow[]): string[] {
  const total = new Map<string, number>();
  for (const r of endpointRows(ard, 'DISPOSITION')) {
    if (r.group === 'TOTAL' && r.stat === 'n' && r.param.startsWith('DISC:')) {
      total.set(r.param.slice('DISC:'.length), r.value ?? 0);
    }
  }
  return [...total.keys()].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

function countRow(label: string, indent: number, param: string): StatRowSpec {
  return {
    kind: 'stat',
    label,
    indent,
    key: key(param),
    format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
  };
}

export function dispositionTableSpec(ctx: TlfContext, ard: readonly ArdRow[]): TableSpec {
  const rows: RowSpec[] = [
    ...STATUS_ROWS.map((r) => countRow(r.label, 0, r.param)),
    ...dispositionReasons(ard).map((reason) => countRow(sentenceCase(reason), 1, `DISC:${reason}`)),
  ];
  return {
    id: DISPOSITION_TABLE_ID,
    titles: ['Subject disposition'],
    populationLabel: 'All Enrolled Subjects',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: key('RANDOMIZED'), stat: { stat: 'N' } }),
    rows,
    footnotes: [
      'N = number of enrolled subjects, by randomized arm; percentages are of N.',
      'Discontinuation reasons are the disposition events of the subjects who did not complete the study. Subjects still in the study at the database lock are counted neither as completed nor as discontinued.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

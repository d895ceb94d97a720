/**
 * T-14.3.1 Overview of treatment-emergent adverse events, Safety Set (SAP §7.2, §10.2; ARD endpoint
 * `AE`, params `TEAE` … `WORST:`). Part 1: subjects with at least one TEAE of each kind, n (%) of the
 * group's SAF count, and subjects by the worst severity of their TEAEs; part 2: the number of TEAEs of
 * each kind and of each severity. Descriptive: the same layout blinded (Total only) and unblinded.
 */
import type { RowKey, RowSpec, StatRowSpec, TableSpec } from '../render/table-spec.js';
import type { SapSettings } from '../sap/index.js';
import { treatmentColumns, type TlfContext } from './context.js';

export const AE_OVERVIEW_TABLE_ID = 'T-14.3.1';

/** The key of an `AE` row; its `N` is the group's SAF count (the column header). */
export function aeKey(param: string): RowKey {
  return { endpoint: 'AE', param, visit: '', population: 'SAF', comparator: '' };
}

/** Overview params in display order with their labels. */
export const AE_OVERVIEW_ROWS: readonly { readonly param: string; readonly label: string }[] = [
  { param: 'TEAE', label: 'Any TEAE' },
  { param: 'SAE', label: 'Serious TEAE' },
  { param: 'RELATED', label: 'Related TEAE (related or possibly related)' },
  { param: 'SEVERE', label: 'Severe TEAE' },
  { param: 'DISC', label: 'TEAE leading to withdrawal from the study' },
  { param: 'DEATH', label: 'TEAE with fatal outcome' },
];

/** `MILD` → `Mild`: a code-list term as a row label. */
export function sentenceCase(term: string): string {
  return term.charAt(0).toUpperCase() + term.slice(1).toLowerCase();
}

function statRow(label: string, indent: number, param: string, format: StatRowSpec['format']): StatRowSpec {
  return { kind: 'stat', label, indent, key: aeKey(param), format };
}

const subjects = (label: string, indent: number, param: string) =>
  statRow(label, indent, param, { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } });
const events = (label: string, indent: number, param: string) =>
  statRow(label, indent, param, { kind: 'count', value: { stat: 'events' } });

export function aeOverviewTableSpec(ctx: TlfContext, settings: Pick<SapSettings, 'safety'>): TableSpec {
  const severities = settings.safety.severities;
  const rows: RowSpec[] = [
    { kind: 'label', label: 'Subjects with at least one, n (%)', indent: 0 },
    ...AE_OVERVIEW_ROWS.map((r) => subjects(r.label, 1, r.param)),
    { kind: 'separator' },
    { kind: 'label', label: 'Subjects by worst severity of their TEAEs, n (%)', indent: 0 },
    ...severities.map((s) => subjects(sentenceCase(s), 1, `WORST:${s}`)),
    { kind: 'separator' },
    { kind: 'label', label: 'Number of events', indent: 0 },
    ...AE_OVERVIEW_ROWS.map((r) => events(r.label, 1, r.param)),
    { kind: 'separator' },
    { kind: 'label', label: 'Number of TEAEs by severity', indent: 0 },
    ...severities.map((s) => events(sentenceCase(s), 1, `WORST:${s}`)),
  ];
  return {
    id: AE_OVERVIEW_TABLE_ID,
    titles: ['Overview of treatment-emergent adverse events'],
    populationLabel: 'Safety Set',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: aeKey('TEAE'), stat: { stat: 'N' } }),
    rows,
    footnotes: [
      'N = number of subjects in the Safety Set, by treatment actually infused; percentages are of N.',
      'TEAE = treatment-emergent adverse event: onset on or after the day of infusion (Day 0); a partially dated onset is treatment-emergent unless its latest possible date is before Day 0.',
      'A subject is counted once per row; events count every TEAE. Worst severity: each subject is counted once, under the most severe of their TEAEs.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

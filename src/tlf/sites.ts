/**
 * T-14.1.6 Subjects by site and analysis population, all enrolled subjects by randomized arm (ARD
 * endpoint `SITE`, src/analyze/sites.ts): per site, the subjects enrolled, in the FAS and in the SAF.
 * Sites are those of the ARD rows (every site of DM), in code order.
 */
import type { ArdRow } from '../ard/types.js';
import type { RowKey, RowSpec, TableSpec } from '../render/table-spec.js';
import { treatmentColumns, type TlfContext } from './context.js';
import { endpointRows } from './endpoint-rows.js';

export const SITE_TABLE_ID = 'T-14.1.6';

const keyOf = (param: string): RowKey => ({ endpoint: 'SITE', param, visit: '', population: 'ENR', comparator: '' });
const SET_LABELS: readonly (readonly [string, string])[] = [
  ['ENR', 'Enrolled'],
  ['FAS', 'Full Analysis Set'],
  ['SAF', 'Safety Set'],
];

/** Site codes of the ARD's `SITE` rows, in code order, without `ALL`. */
export function sitesOf(ard: readonly ArdRow[]): string[] {
  const sites = new Set<string>();
  for (const r of endpointRows(ard, 'SITE')) if (r.param.endsWith(':ENR')) sites.add(r.param.slice(0, -':ENR'.length));
  sites.delete('ALL');
  return [...sites].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function siteTableSpec(ctx: TlfContext, ard: readonly ArdRow[]): TableSpec {
  const block = (site: string, label: string): RowSpec[] => [
    { kind: 'label', label, indent: 0 },
    ...SET_LABELS.map(([set, setLabel]): RowSpec => ({
      kind: 'stat',
      label: setLabel,
      indent: 1,
      key: keyOf(`${site}:${set}`),
      format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
    })),
  ];
  return {
    id: SITE_TABLE_ID,
    titles: ['Subjects by site and analysis population'],
    populationLabel: 'All enrolled subjects',
    stubHeader: 'Site / Analysis population',
    columns: treatmentColumns(ctx, { key: keyOf('ALL:ENR'), stat: { stat: 'N' } }),
    rows: [
      ...block('ALL', 'All sites'),
      ...sitesOf(ard).flatMap((site): RowSpec[] => [{ kind: 'separator' }, ...block(site, `Site ${site}`)]),
    ],
    footnotes: [
      'N = number of enrolled subjects, by randomized arm; percentages are of N.',
      'Full Analysis Set: randomized and infused, by randomized arm; Safety Set: infused (counted here under the randomized arm). SAP Section 3.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

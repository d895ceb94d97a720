/**
 * T-14.1.3 Protocol deviations derived from the data, all enrolled subjects by randomized arm (SAP
 * synopsis §5.5; ARD endpoint `DEVIATION`): any deviation, then each kind — randomization stratum not
 * the screening-SLEDAI-2K stratum (or that stratum missing), infused with another arm than randomized,
 * never infused — n (%). Subject by subject in listing L-16.2.2 (deviations-listing.ts). Unblinded runs
 * only: every kind needs the randomization (a blinded context is refused).
 */
import type { RowKey, StatRowSpec, TableSpec } from '../render/table-spec.js';
import { isBlinded, treatmentColumns, type TlfContext } from './context.js';

export const DEVIATION_TABLE_ID = 'T-14.1.3';

export const deviationKey = (param: string): RowKey => ({
  endpoint: 'DEVIATION',
  param,
  visit: '',
  population: 'ENR',
  comparator: '',
});

/** The `DEVIATION` params with their row labels, `ANY` first. */
export const DEVIATION_KINDS: readonly { readonly param: string; readonly label: string }[] = [
  { param: 'ANY', label: 'Any protocol deviation' },
  { param: 'STRATUM', label: 'Randomized in the wrong stratum (screening SLEDAI-2K) [a]' },
  { param: 'ARM', label: 'Infused with another arm than randomized' },
  { param: 'NOTINFUSED', label: 'Never infused' },
];

export function deviationTableSpec(ctx: TlfContext): TableSpec {
  if (isBlinded(ctx))
    throw new Error(`${DEVIATION_TABLE_ID} needs the randomization and is not produced in a blinded run`);
  const rows = DEVIATION_KINDS.map((k, i): StatRowSpec => ({
    kind: 'stat',
    label: k.label,
    indent: i === 0 ? 0 : 1,
    key: deviationKey(k.param),
    format: { kind: 'countPct', n: { stat: 'n' }, bigN: { stat: 'N' } },
  }));
  return {
    id: DEVIATION_TABLE_ID,
    titles: ['Protocol Deviations Derived from the Data'],
    populationLabel: 'All Enrolled Subjects',
    stubHeader: '',
    columns: treatmentColumns(ctx, { key: deviationKey('ANY'), stat: { stat: 'N' } }),
    rows,
    footnotes: [
      'N = number of enrolled subjects, by randomized arm; percentages are of N. A subject is counted once per row and may have more than one kind of deviation.',
      '[a] The stratum of the randomization file differs from the stratum derived from the screening SLEDAI-2K total (< 10 / >= 10), or the screening total is missing. Subjects are analysed as randomized.',
      'Subjects are listed with the values behind each deviation in Listing L-16.2.2.',
    ],
    notEstimableFootnote: 'NE = not estimable.',
  };
}

/**
 * Summary statistics rows of a continuous variable in one group (SAP §3; ard.md descriptives): `n`,
 * `mean`, `sd` (n − 1; empty when n = 1), `median`, `q1`, `q3` (SAS PCTLDEF=5), `min`, `max`; with n = 0
 * every statistic but n is empty. Missing values (null) are not counted.
 */
import type { ArdRow, Group } from '../ard/types.js';
import { summarizeEach } from '../numerics/descriptive/summary.js';
import { groupRow, type RowIdentity } from './ard-rows.js';

export const DESCRIPTIVE_STATS = ['n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'] as const;

export function descriptiveRows(id: RowIdentity, group: Group, values: readonly (number | null)[]): ArdRow[] {
  return descriptiveRowsOf(id, group, values.length, (i) => values[i] as number | null);
}

/** `descriptiveRows` of the values `valueAt(0)` … `valueAt(count − 1)`, read without an array of them. */
export function descriptiveRowsOf(
  id: RowIdentity,
  group: Group,
  count: number,
  valueAt: (i: number) => number | null,
): ArdRow[] {
  const s = summarizeEach(count, valueAt);
  return DESCRIPTIVE_STATS.map((stat) => groupRow(id, group, stat, s[stat]));
}

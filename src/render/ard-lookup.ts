/**
 * Values for a print form, looked up in the ARD by their full key. The ARD is the single source of
 * every number in a table (dts/ard.md); a spec that asks for a row the ARD does not have is a bug
 * (the analysis or the spec is incomplete) and stops the run rather than showing a blank.
 */
import type { ArdRow, Group } from '../ard/types.js';
import type { ArdMethod, ArdStat } from '../ard/vocabulary.js';
import type { RowKey, StatRef } from './table-spec.js';

export interface ValueKey extends RowKey {
  readonly group: Group;
  readonly stat: ArdStat;
  readonly method: ArdMethod | '';
}

/** The value of one statistic: a number, or null when not estimable. Throws when the ARD lacks it. */
export type ValueLookup = (key: ValueKey) => number | null;

export function valueKey(row: RowKey, group: Group, ref: StatRef): ValueKey {
  return { ...row, group, stat: ref.stat, method: ref.method ?? '' };
}

// One template string, not an array joined: built for every ARD row and every cell looked up.
function keyString(k: ValueKey): string {
  return `${k.endpoint}\u0000${k.param}\u0000${k.visit}\u0000${k.population}\u0000${k.group}\u0000${k.comparator}\u0000${k.stat}\u0000${k.method}`;
}

export function describeValueKey(k: ValueKey): string {
  return `endpoint=${k.endpoint} param=${k.param} visit=${k.visit} population=${k.population} group=${k.group} comparator=${k.comparator} stat=${k.stat} method=${k.method}`;
}

/** Lookups by the ARD they index: the tables and each figure ask for the run's one ARD, indexed once. */
const lookups = new WeakMap<readonly ArdRow[], ValueLookup>();

/** Indexes ARD rows by their eight key columns; a duplicated key is a bug upstream and throws. */
export function ardLookup(rows: readonly ArdRow[]): ValueLookup {
  let lookup = lookups.get(rows);
  if (lookup === undefined) lookups.set(rows, (lookup = indexArd(rows)));
  return lookup;
}

function indexArd(rows: readonly ArdRow[]): ValueLookup {
  const index = new Map<string, number | null>();
  for (const r of rows) {
    const size = index.size;
    index.set(keyString(r), r.value);
    if (index.size === size) throw new Error(`duplicate ARD row: ${describeValueKey(r)}`);
  }
  return (key) => {
    const v = index.get(keyString(key));
    if (v === undefined) throw new Error(`the ARD has no row ${describeValueKey(key)}`);
    return v;
  };
}

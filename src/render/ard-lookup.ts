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

function keyString(k: ValueKey): string {
  return [k.endpoint, k.param, k.visit, k.population, k.group, k.comparator, k.stat, k.method].join('\u0000');
}

export function describeValueKey(k: ValueKey): string {
  return `endpoint=${k.endpoint} param=${k.param} visit=${k.visit} population=${k.population} group=${k.group} comparator=${k.comparator} stat=${k.stat} method=${k.method}`;
}

/** Indexes ARD rows by their eight key columns; a duplicated key is a bug upstream and throws. */
export function ardLookup(rows: readonly ArdRow[]): ValueLookup {
  const index = new Map<string, number | null>();
  for (const r of rows) {
    const k = keyString(r);
    if (index.has(k)) throw new Error(`duplicate ARD row: ${describeValueKey(r)}`);
    index.set(k, r.value);
  }
  return (key) => {
    const v = index.get(keyString(key));
    if (v === undefined) throw new Error(`the ARD has no row ${describeValueKey(key)}`);
    return v;
  };
}

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

/**
 * The index: one Map level per key column, in the ARD's column order, with the value at the leaf. A
 * lookup is eight Map.get calls on the key's own strings (hashed once per string and cached by the
 * engine) rather than a new eight-part key string built and hashed for every cell; a level holds few
 * entries, so each get is cheap.
 */
type Level = Map<string, Level | number | null>;

const KEY_PATH = ['endpoint', 'param', 'visit', 'population', 'group', 'comparator', 'stat'] as const;

/** The leaf map (method → value) of key `k`, made on the way when `create`; undefined when absent. */
function leafOf(root: Level, k: ValueKey, create: boolean): Level | undefined {
  let level = root;
  for (const column of KEY_PATH) {
    let next = level.get(k[column]) as Level | undefined;
    if (next === undefined) {
      if (!create) return undefined;
      level.set(k[column], (next = new Map()));
    }
    level = next;
  }
  return level;
}

function indexArd(rows: readonly ArdRow[]): ValueLookup {
  const root: Level = new Map();
  for (const r of rows) {
    const leaf = leafOf(root, r, true) as Level;
    if (leaf.has(r.method)) throw new Error(`duplicate ARD row: ${describeValueKey(r)}`);
    leaf.set(r.method, r.value);
  }
  return (key) => {
    const v = leafOf(root, key, false)?.get(key.method) as number | null | undefined;
    if (v === undefined) throw new Error(`the ARD has no row ${describeValueKey(key)}`);
    return v;
  };
}

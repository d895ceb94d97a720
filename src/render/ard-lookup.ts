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
  // Written out rather than spread: built for every value of every cell, and a spread copies slowly.
  return {
    endpoint: row.endpoint,
    param: row.param,
    visit: row.visit,
    population: row.population,
    comparator: row.comparator,
    group,
    stat: ref.stat,
    method: ref.method ?? '',
  };
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

/** The map under `key` in `level`, made when absent. */
function child(level: Level, key: string): Level {
  let next = level.get(key) as Level | undefined;
  if (next === undefined) level.set(key, (next = new Map()));
  return next;
}

/** The map under `key` in `level`, if any. */
function at(level: Level | undefined, key: string): Level | undefined {
  return level?.get(key) as Level | undefined;
}

// Written out column by column, not a loop over column names: a named property read is much faster
// than a computed one on the many object shapes that ARD rows and keys come in.
function leafFor(root: Level, k: ValueKey): Level {
  const byPopulation = child(child(child(root, k.endpoint), k.param), k.visit);
  return child(child(child(child(byPopulation, k.population), k.group), k.comparator), k.stat);
}

/** The leaf (method → value) of key `k`; undefined when the ARD has no row with its first seven columns. */
function leafAt(root: Level, k: ValueKey): Level | undefined {
  const byPopulation = at(at(at(root, k.endpoint), k.param), k.visit);
  return at(at(at(at(byPopulation, k.population), k.group), k.comparator), k.stat);
}

/**
 * Every row into the index. The loop is a function of its own, by index: V8 compiles it alone, not
 * indexArd with its lookup closure by on-stack replacement, and without an iterator loop's try/finally.
 */
function addRows(root: Level, rows: readonly ArdRow[]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as ArdRow;
    const leaf = leafFor(root, r);
    if (leaf.has(r.method)) throw new Error(`duplicate ARD row: ${describeValueKey(r)}`);
    leaf.set(r.method, r.value);
  }
}

function indexArd(rows: readonly ArdRow[]): ValueLookup {
  const root: Level = new Map();
  addRows(root, rows);
  return (key) => {
    const v = leafAt(root, key)?.get(key.method) as number | null | undefined;
    if (v === undefined) throw new Error(`the ARD has no row ${describeValueKey(key)}`);
    return v;
  };
}

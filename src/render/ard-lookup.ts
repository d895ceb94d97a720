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

/**
 * The value of one statistic: a number, or null when not estimable; `row`, the ARD row itself (whose
 * key columns equal the key's). Both throw when the ARD lacks it.
 */
export interface ValueLookup {
  (key: ValueKey): number | null;
  readonly row: (key: ValueKey) => ArdRow;
}

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
 * The index, compact: each key column's texts numbered in a small Map (a few to a few hundred texts a
 * column), each row's eight numbers in one Int32Array and the rows in an open-addressing hash table of
 * row positions (an Int32Array). A lookup is eight Map.get calls on the key's own strings (hashed once
 * per string and cached by the engine), no key string built per cell. Compact because the index lives
 * from the figures to the last table: a Map per key prefix (~40,000 Maps for the sample's 31,900 rows,
 * ~10 MB) was copied by every scavenge and then promoted, the largest single pause of a sample run.
 */
const KEY_WIDTH = 8;

/** A key column's texts, numbered from 0 in order of first appearance. */
type ColumnCodes = Map<string, number>;

/** A hash of a row's eight key codes (a parameter so that a test can make every key collide). */
export type KeyHash = (
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  c4: number,
  c5: number,
  c6: number,
  c7: number,
) => number;

/** Mixes a row's eight codes into a 32-bit hash (murmur3's finalizer over a multiply-add chain). */
function hashCodes(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  c4: number,
  c5: number,
  c6: number,
  c7: number,
): number {
  let h = c0;
  h = Math.imul(h, 0x01000193) + c1;
  h = Math.imul(h, 0x01000193) + c2;
  h = Math.imul(h, 0x01000193) + c3;
  h = Math.imul(h, 0x01000193) + c4;
  h = Math.imul(h, 0x01000193) + c5;
  h = Math.imul(h, 0x01000193) + c6;
  h = Math.imul(h, 0x01000193) + c7;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The code of `text` in `column`, numbered now when new. */
function codeOf(column: ColumnCodes, text: string): number {
  let code = column.get(text);
  if (code === undefined) column.set(text, (code = column.size));
  return code;
}

/** Slots for `n` rows: a power of two at least twice n, so that probe runs stay short. */
function slotCount(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

/**
 * The row position with codes c0…c7 in the table, or −1. `slots` hold position + 1 (0 = empty); a probe
 * goes on from the hashed slot to the next until it finds the codes or an empty slot.
 */
function findRow(
  hash: KeyHash,
  slots: Int32Array,
  codes: Int32Array,
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  c4: number,
  c5: number,
  c6: number,
  c7: number,
): number {
  const mask = slots.length - 1;
  for (let s = hash(c0, c1, c2, c3, c4, c5, c6, c7) & mask; ; s = (s + 1) & mask) {
    const entry = slots[s] as number;
    if (entry === 0) return -1;
    const at = (entry - 1) * KEY_WIDTH;
    if (
      codes[at] === c0 &&
      codes[at + 1] === c1 &&
      codes[at + 2] === c2 &&
      codes[at + 3] === c3 &&
      codes[at + 4] === c4 &&
      codes[at + 5] === c5 &&
      codes[at + 6] === c6 &&
      codes[at + 7] === c7
    )
      return entry - 1;
  }
}

/** The first empty slot from the hashed one on (the table is never full: slotCount). */
function emptySlot(slots: Int32Array, hash: number): number {
  const mask = slots.length - 1;
  let s = hash & mask;
  while (slots[s] !== 0) s = (s + 1) & mask;
  return s;
}

/** A compact index of `rows` by their eight key columns; a duplicated key throws. */
export function indexArd(rows: readonly ArdRow[], hash: KeyHash = hashCodes): ValueLookup {
  const n = rows.length;
  // Written out column by column, not a loop over column names: a named property read is much faster
  // than a computed one on the many object shapes that ARD rows and keys come in.
  const endpoint: ColumnCodes = new Map();
  const param: ColumnCodes = new Map();
  const visit: ColumnCodes = new Map();
  const population: ColumnCodes = new Map();
  const group: ColumnCodes = new Map();
  const comparator: ColumnCodes = new Map();
  const stat: ColumnCodes = new Map();
  const method: ColumnCodes = new Map();
  const codes = new Int32Array(n * KEY_WIDTH);
  const slots = new Int32Array(slotCount(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ArdRow;
    const c0 = codeOf(endpoint, r.endpoint);
    const c1 = codeOf(param, r.param);
    const c2 = codeOf(visit, r.visit);
    const c3 = codeOf(population, r.population);
    const c4 = codeOf(group, r.group);
    const c5 = codeOf(comparator, r.comparator);
    const c6 = codeOf(stat, r.stat);
    const c7 = codeOf(method, r.method);
    if (findRow(hash, slots, codes, c0, c1, c2, c3, c4, c5, c6, c7) >= 0)
      throw new Error(`duplicate ARD row: ${describeValueKey(r)}`);
    const at = i * KEY_WIDTH;
    codes[at] = c0;
    codes[at + 1] = c1;
    codes[at + 2] = c2;
    codes[at + 3] = c3;
    codes[at + 4] = c4;
    codes[at + 5] = c5;
    codes[at + 6] = c6;
    codes[at + 7] = c7;
    slots[emptySlot(slots, hash(c0, c1, c2, c3, c4, c5, c6, c7))] = i + 1;
  }
  const row = (key: ValueKey): ArdRow => {
    const c0 = endpoint.get(key.endpoint);
    const c1 = param.get(key.param);
    const c2 = visit.get(key.visit);
    const c3 = population.get(key.population);
    const c4 = group.get(key.group);
    const c5 = comparator.get(key.comparator);
    const c6 = stat.get(key.stat);
    const c7 = method.get(key.method);
    const at =
      c0 === undefined ||
      c1 === undefined ||
      c2 === undefined ||
      c3 === undefined ||
      c4 === undefined ||
      c5 === undefined ||
      c6 === undefined ||
      c7 === undefined
        ? -1
        : findRow(hash, slots, codes, c0, c1, c2, c3, c4, c5, c6, c7);
    if (at < 0) throw new Error(`the ARD has no row ${describeValueKey(key)}`);
    return rows[at] as ArdRow;
  };
  return Object.assign((key: ValueKey) => row(key).value, { row });
}

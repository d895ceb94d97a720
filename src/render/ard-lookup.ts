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

/**
 * A hash of the eight key codes at codes[at…at+7] (a parameter so that a test can make every key
 * collide).
 */
export type KeyHash = (codes: Int32Array, at: number) => number;

/** Mixes eight key codes into a 32-bit hash (murmur3's finalizer over a multiply-add chain). */
function hashCodes(codes: Int32Array, at: number): number {
  let h = codes[at]!;
  for (let j = 1; j < KEY_WIDTH; j++) h = Math.imul(h, 0x01000193) + codes[at + j]!;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The code of `text` in `column`: numbered now when new and `add`, else −1 when absent. */
function codeIn(column: ColumnCodes, text: string, add: boolean): number {
  let code = column.get(text);
  if (code === undefined) {
    if (!add) return -1;
    column.set(text, (code = column.size));
  }
  return code;
}

/** The eight key columns' codes, in the ARD's column order. */
class KeyCodes {
  private readonly endpoint: ColumnCodes = new Map();
  private readonly param: ColumnCodes = new Map();
  private readonly visit: ColumnCodes = new Map();
  private readonly population: ColumnCodes = new Map();
  private readonly group: ColumnCodes = new Map();
  private readonly comparator: ColumnCodes = new Map();
  private readonly stat: ColumnCodes = new Map();
  private readonly method: ColumnCodes = new Map();

  /**
   * Writes k's eight codes into out[0…7] (new texts numbered when `add`); false when a text has no code.
   * Column by column, not a loop over column names: a named property read is much faster than a
   * computed one on the many object shapes that ARD rows and keys come in.
   */
  encode(k: ValueKey, out: Int32Array, add: boolean): boolean {
    out[0] = codeIn(this.endpoint, k.endpoint, add);
    out[1] = codeIn(this.param, k.param, add);
    out[2] = codeIn(this.visit, k.visit, add);
    out[3] = codeIn(this.population, k.population, add);
    out[4] = codeIn(this.group, k.group, add);
    out[5] = codeIn(this.comparator, k.comparator, add);
    out[6] = codeIn(this.stat, k.stat, add);
    out[7] = codeIn(this.method, k.method, add);
    return out.indexOf(-1) === -1;
  }
}

/** Slots for `n` rows: a power of two at least twice n, so that probe runs stay short. */
function slotCount(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

/** Whether the row codes at codes[at…at+7] are `key`'s. */
function sameCodes(codes: Int32Array, at: number, key: Int32Array): boolean {
  for (let j = 0; j < KEY_WIDTH; j++) if (codes[at + j] !== key[j]) return false;
  return true;
}

/**
 * The slot of the row whose codes are `key`, or of the empty slot where such a row would go. `slots` hold
 * row position + 1 (0 = empty); a probe goes on from the hashed slot to the next until it finds the
 * codes or an empty slot (the table is never full: slotCount).
 */
function slotOf(hash: KeyHash, slots: Int32Array, codes: Int32Array, key: Int32Array): number {
  const mask = slots.length - 1;
  let s = hash(key, 0) & mask;
  while (slots[s] !== 0 && !sameCodes(codes, (slots[s]! - 1) * KEY_WIDTH, key)) s = (s + 1) & mask;
  return s;
}

/** A compact index of `rows` by their eight key columns; a duplicated key throws. */
export function indexArd(rows: readonly ArdRow[], hash: KeyHash = hashCodes): ValueLookup {
  const columns = new KeyCodes();
  const codes = new Int32Array(rows.length * KEY_WIDTH);
  const slots = new Int32Array(slotCount(rows.length));
  const key = new Int32Array(KEY_WIDTH);
  addRows(rows, columns, codes, slots, key, hash);
  const row = (k: ValueKey): ArdRow => {
    const entry = columns.encode(k, key, false) ? slots[slotOf(hash, slots, codes, key)]! : 0;
    if (entry === 0) throw new Error(`the ARD has no row ${describeValueKey(k)}`);
    return rows[entry - 1] as ArdRow;
  };
  return Object.assign((k: ValueKey) => row(k).value, { row });
}

/**
 * Every row into the index. The loop is a function of its own: V8 compiles it alone, not indexArd with
 * its lookup closure by on-stack replacement.
 */
function addRows(
  rows: readonly ArdRow[],
  columns: KeyCodes,
  codes: Int32Array,
  slots: Int32Array,
  key: Int32Array,
  hash: KeyHash,
): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as ArdRow;
    columns.encode(r, key, true);
    const s = slotOf(hash, slots, codes, key);
    if (slots[s] !== 0) throw new Error(`duplicate ARD row: ${describeValueKey(r)}`);
    codes.set(key, i * KEY_WIDTH);
    slots[s] = i + 1;
  }
}

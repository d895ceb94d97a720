/**
 * Comparison of ARD rows with an R reference fixture that lists rows as
 * `{ endpoint, param, population, group, stat, value }` (value null = empty): the two must hold the
 * same row identities for the endpoint (none missing, none extra), counts equal exactly, other
 * statistics within a stated relative tolerance.
 */
import { readFileSync } from 'node:fs';
import type { ArdRow } from '../../src/ard/types.js';

export interface ReferenceRow {
  readonly endpoint: string;
  readonly param: string;
  readonly population: string;
  readonly group: string;
  readonly stat: string;
  readonly value: number | null;
}

export function readReference(url: URL): ReferenceRow[] {
  return JSON.parse(readFileSync(url, 'utf8')) as ReferenceRow[];
}

const keyOf = (r: Pick<ReferenceRow, 'param' | 'population' | 'group' | 'stat'>) =>
  [r.param, r.population, r.group, r.stat].join('\u0000');

/** Statistics that are whole counts, compared exactly. */
const COUNTS = new Set(['N', 'n', 'events']);

/**
 * Differences between the ARD rows of `endpoint` and the reference, as readable lines (empty = they
 * agree): a missing or extra row, a row with a visit/comparator/method, or a value off by more than
 * `relTol` (relative to the reference; absolute below 1).
 */
export function referenceDifferences(
  ard: readonly ArdRow[],
  ref: readonly ReferenceRow[],
  endpoint: string,
  relTol: number,
): string[] {
  const mine = ard.filter((r) => r.endpoint === endpoint);
  const theirs = new Map(ref.filter((r) => r.endpoint === endpoint).map((r) => [keyOf(r), r]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of mine) {
    const k = keyOf(r);
    seen.add(k);
    if (r.visit !== '' || r.comparator !== '' || r.method !== '')
      out.push(`unexpected visit/comparator/method on ${k}`);
    const t = theirs.get(k);
    if (t === undefined) {
      out.push(`extra ARD row ${k.replaceAll('\u0000', ' | ')}`);
      continue;
    }
    if (t.value === null || r.value === null) {
      if (t.value !== r.value) out.push(`${k}: ARD ${r.value}, R ${t.value}`);
    } else if (COUNTS.has(r.stat)) {
      if (r.value !== t.value) out.push(`${k}: ARD ${r.value}, R ${t.value}`);
    } else if (Math.abs(r.value - t.value) > relTol * Math.max(1, Math.abs(t.value))) {
      out.push(`${k}: ARD ${r.value}, R ${t.value}`);
    }
  }
  for (const k of theirs.keys()) if (!seen.has(k)) out.push(`missing ARD row ${k.replaceAll('\u0000', ' | ')}`);
  return out;
}

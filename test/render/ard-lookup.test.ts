import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { ARD_KEY_COLUMNS } from '../../src/ard/types.js';
import {
  ardLookup,
  describeValueKey,
  indexArd,
  valueKey,
  type KeyHash,
  type ValueKey,
  type ValueLookup,
} from '../../src/render/ard-lookup.js';
import { KEY, VS, sampleArd } from './sample-table.js';

describe('ardLookup', () => {
  it('finds values by the full key, with the method from the stat reference', () => {
    const get = ardLookup(sampleArd());
    expect(get(valueKey(KEY, 'PBO', { stat: 'N' }))).toBe(27);
    expect(get(valueKey(VS, 'MSC1E6', { stat: 'or', method: 'LOGISTIC' }))).toBe(2.125);
    expect(get(valueKey(VS, 'MSC5E6', { stat: 'or', method: 'LOGISTIC' }))).toBeNull();
  });
  it('throws, naming the key, when the ARD lacks the row', () => {
    const get = ardLookup(sampleArd());
    expect(() => get(valueKey(VS, 'MSC1E6', { stat: 'or' }))).toThrow(/no row .*stat=or method=$/);
    expect(() => get(valueKey(KEY, 'TOTAL', { stat: 'N' }))).toThrow(/group=TOTAL/);
  });
  it('indexes one ARD once: the tables and the figures share its lookup', () => {
    const rows = sampleArd();
    expect(ardLookup(rows)).toBe(ardLookup(rows));
    expect(ardLookup(sampleArd())).not.toBe(ardLookup(rows));
  });
  it('rejects duplicate keys', () => {
    const rows = sampleArd();
    expect(() => ardLookup([...rows, rows[0]!])).toThrow(/duplicate ARD row/);
  });
});

/**
 * The compact index (codes per column, an open-addressing table of row positions) against a Map of
 * joined key strings, with the run's hash and with hashes that make every key, or every key of an
 * endpoint, collide (one long probe run): a probe that stopped early, compared too few columns or
 * dropped a row fails here.
 */
const HASHES: [string, (rows: readonly ArdRow[]) => ValueLookup][] = [
  ["the run's hash", ardLookup],
  ['every key colliding', (rows) => indexArd(rows, () => 0)],
  ['keys colliding by endpoint', (rows) => indexArd(rows, ((codes, at) => codes[at]! * 5) as KeyHash)],
];

describe.each(HASHES)('ardLookup against a string-keyed map, %s', (_, index) => {
  const text = (values: readonly string[]) => fc.constantFrom(...values);
  const keyArb = fc.record({
    endpoint: text(['SRI4', 'SLEDAI', 'PGA']),
    param: text(['', 'A', 'B']),
    visit: text(['', 'WEEK12', 'WEEK24']),
    population: text(['FAS', 'SAF']),
    group: text(['PBO', 'MSC1E6', 'TOTAL']),
    comparator: text(['', 'PBO']),
    stat: text(['n', 'N', 'pct']),
    method: text(['', 'FISHER']),
  });
  const joined = (k: ValueKey) => ARD_KEY_COLUMNS.map((c) => k[c]).join('\u0000');

  it('finds every row with its own value and misses every other key', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 400 }), fc.array(keyArb, { maxLength: 50 }), (keys, probes) => {
        const byText = new Map<string, number>();
        const rows: ArdRow[] = [];
        for (const k of keys) {
          if (byText.has(joined(k as ValueKey))) continue;
          byText.set(joined(k as ValueKey), rows.length);
          rows.push({ ...k, value: rows.length % 7 === 0 ? null : rows.length - 0.5 } as ArdRow);
        }
        const get = index(rows);
        for (const r of rows) {
          expect(Object.is(get(r), r.value)).toBe(true);
          expect(get.row({ ...r })).toBe(r);
        }
        for (const p of probes as ValueKey[]) {
          const at = byText.get(joined(p));
          if (at === undefined) {
            expect(() => get(p)).toThrow(`the ARD has no row ${describeValueKey(p)}`);
            expect(() => get.row(p)).toThrow(`the ARD has no row ${describeValueKey(p)}`);
          } else expect(Object.is(get(p), (rows[at] as ArdRow).value)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a duplicate wherever it comes', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 200 }), fc.nat(), (keys, pick) => {
        const seen = new Set<string>();
        const rows = keys
          .filter((k) => !seen.has(joined(k as ValueKey)) && seen.add(joined(k as ValueKey)))
          .map((k, i) => ({ ...k, value: i }) as ArdRow);
        const copy = rows[pick % rows.length] as ArdRow;
        expect(() => index([...rows, { ...copy, value: -1 }])).toThrow(/duplicate ARD row/);
      }),
      { numRuns: 100 },
    );
  });
});

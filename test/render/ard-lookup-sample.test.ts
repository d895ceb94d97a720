/**
 * The ARD index (one Map level per key column) against the sample's whole ARD: every row is found with
 * its own value, and a key that differs from a row in any one column misses as a plain string-keyed
 * index (the former implementation) misses, with the same error.
 */
import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { ARD_KEY_COLUMNS } from '../../src/ard/types.js';
import { ardLookup, describeValueKey, type ValueKey } from '../../src/render/ard-lookup.js';
import { sampleRun } from '../helpers/sample-run.js';

const keyOf = (r: ValueKey) => ARD_KEY_COLUMNS.map((c) => r[c]).join('\u0000');

describe('ardLookup on the sample ARD', () => {
  it('finds every row of the ARD with its value', async () => {
    const { ard } = (await sampleRun('unblinded')).result;
    expect(ard.length).toBeGreaterThan(10000);
    const get = ardLookup(ard);
    const wrong = ard.filter((r) => !Object.is(get(r), r.value));
    expect(wrong).toEqual([]);
  });

  it('misses exactly where a string-keyed index misses, naming the key', async () => {
    const { ard } = (await sampleRun('unblinded')).result;
    const get = ardLookup(ard);
    const strings = new Set(ard.map(keyOf));
    // Each column of every 37th row swapped for that column's value in the next row (often a hit,
    // sometimes a miss), or for a value no row has.
    let misses = 0;
    for (let i = 0; i + 1 < ard.length; i += 37) {
      for (const c of ARD_KEY_COLUMNS) {
        for (const value of [(ard[i + 1] as ArdRow)[c], `${(ard[i] as ArdRow)[c]}x`, '']) {
          const key = { ...(ard[i] as ArdRow), [c]: value } as ValueKey;
          if (strings.has(keyOf(key))) {
            expect(get(key)).not.toBeUndefined();
          } else {
            misses++;
            expect(() => get(key)).toThrow(`the ARD has no row ${describeValueKey(key)}`);
          }
        }
      }
    }
    expect(misses).toBeGreaterThan(500);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareArdRows, sortArdRows } from '../../src/ard/order.js';
import { ARD_KEY_COLUMNS } from '../../src/ard/types.js';
import { ardRow } from '../helpers/ard-row.js';

// Source of the expected order: dts/ard.md (UTF-16 code-unit sort on the first eight columns).
const row = ardRow;

describe('ARD sort order', () => {
  it('compares by UTF-16 code units, not locale: WEEK12 < WEEK4, upper case before lower', () => {
    expect(compareArdRows(row({ visit: 'WEEK12' }), row({ visit: 'WEEK4' }))).toBeLessThan(0);
    expect(compareArdRows(row({ stat: 'N' }), row({ stat: 'n' }))).toBeLessThan(0);
    expect(compareArdRows(row({ param: '' }), row({ param: 'BILAG' }))).toBeLessThan(0);
    expect(compareArdRows(row({}), row({}))).toBe(0);
  });
  it('sorts by the eight key columns in turn and rejects duplicate keys', () => {
    const rows = [
      row({ group: 'MSC1E6', stat: 'n' }),
      row({ group: 'PBO', stat: 'N', value: 27 }),
      row({ group: 'MSC1E6', stat: 'N', value: 26 }),
      row({ endpoint: 'AE', param: 'TEAE', visit: '', population: 'SAF', group: 'TOTAL' }),
    ];
    expect(sortArdRows(rows).map((r) => `${r.endpoint}/${r.group}/${r.stat}`)).toEqual([
      'AE/TOTAL/n',
      'SRI4/MSC1E6/N',
      'SRI4/MSC1E6/n',
      'SRI4/PBO/N',
    ]);
    expect(() => sortArdRows([row({}), row({ value: 9 })])).toThrow(/duplicate ARD key/);
  });
  it('returns rows already in order as a copy, and still finds a duplicate among them', () => {
    const sorted = [row({ group: 'MSC1E6', stat: 'N' }), row({ group: 'MSC1E6', stat: 'n' }), row({ group: 'PBO' })];
    const out = sortArdRows(sorted);
    expect(out).toEqual(sorted);
    expect(out).not.toBe(sorted);
    expect(() => sortArdRows([sorted[0]!, row({ group: 'MSC1E6', stat: 'N', value: 3 }), sorted[2]!])).toThrow(
      /duplicate ARD key/,
    );
    // One pair out of order among ordered rows is sorted.
    expect(sortArdRows([sorted[1]!, sorted[0]!, sorted[2]!])).toEqual(sorted);
  });

  it('compares the key columns in the order ARD_KEY_COLUMNS lists them', () => {
    const text = fc.constantFrom('', 'A', 'B', 'a');
    const keyed = fc.record(Object.fromEntries(ARD_KEY_COLUMNS.map((c) => [c, text])) as Record<string, typeof text>);
    const generic = (a: Record<string, string>, b: Record<string, string>) => {
      for (const c of ARD_KEY_COLUMNS) if (a[c] !== b[c]) return (a[c] as string) < (b[c] as string) ? -1 : 1;
      return 0;
    };
    fc.assert(
      fc.property(keyed, keyed, (a, b) => {
        expect(Math.sign(compareArdRows(row(a), row(b)))).toBe(generic(a, b));
      }),
      { numRuns: 1000 },
    );
  });
});

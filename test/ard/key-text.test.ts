import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARD_KEY_COLUMNS, ardKeyText } from '../../src/ard/types.js';

describe('ardKeyText', () => {
  it('is the eight key columns in ARD_KEY_COLUMNS order joined by |, a missing column empty', () => {
    expect(
      ardKeyText({
        endpoint: 'SRI4',
        visit: 'WEEK24',
        population: 'FAS',
        group: 'MSC1E6',
        comparator: 'PBO',
        stat: 'diff',
        method: 'MN',
      }),
    ).toBe('SRI4||WEEK24|FAS|MSC1E6|PBO|diff|MN');
    const column = fc.option(fc.string(), { nil: undefined });
    const key = fc.record(Object.fromEntries(ARD_KEY_COLUMNS.map((c) => [c, column])) as Record<string, typeof column>);
    fc.assert(
      fc.property(key, (k) => {
        expect(ardKeyText(k)).toBe(ARD_KEY_COLUMNS.map((c) => k[c] ?? '').join('|'));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import { compareWithReference, toleranceOf, type ReferenceRow } from './ard-reference.js';

const row = (stat: string, method: string, value: number | null): ArdRow => ({
  endpoint: 'E', param: '', visit: 'WEEK52', population: 'FAS', group: 'PBO', comparator: '', stat, method, value,
});
const ref = (stat: string, method: string, value: string | null): ReferenceRow => ['E', '', 'WEEK52', 'PBO', '', stat, method, value];

describe('compareWithReference (the checker of the R fixtures)', () => {
  it('accepts values within tolerance and rejects one just outside', () => {
    expect(compareWithReference([row('mean', '', 2 + 1e-12)], [ref('mean', '', '2')], ['E'])).toEqual([]);
    expect(compareWithReference([row('mean', '', 2 + 1e-11)], [ref('mean', '', '2')], ['E'])).toHaveLength(1);
    expect(compareWithReference([row('n', '', 3)], [ref('n', '', '4')], ['E'])).toHaveLength(1);
  });

  it('reports a row missing on either side and a null against a number', () => {
    expect(compareWithReference([], [ref('n', '', '4')], ['E'])).toHaveLength(1);
    expect(compareWithReference([row('n', '', 4)], [], ['E'])).toHaveLength(1);
    expect(compareWithReference([row('p', 'FISHER', null)], [ref('p', 'FISHER', '0.5')], ['E'])).toHaveLength(1);
    expect(compareWithReference([row('km', 'KM', null)], [ref('km', 'KM', null)], ['E'])).toEqual([]);
  });

  it('states exact counts and relative p-values', () => {
    expect(toleranceOf('n', '')).toEqual({ kind: 'exact', bound: 0 });
    expect(toleranceOf('p', 'WILCOXON')).toEqual({ kind: 'rel', bound: 1e-10 });
  });
});

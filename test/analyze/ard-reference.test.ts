import { describe, expect, it } from 'vitest';
import type { ArdRow } from '../../src/ard/types.js';
import type { ArdMethod, ArdStat } from '../../src/ard/vocabulary.js';
import { compareWithReference, toleranceOf, type ReferenceRow } from './ard-reference.js';

const row = (stat: ArdStat, method: ArdMethod | '', value: number | null): ArdRow => ({
  endpoint: 'SDI',
  param: '',
  visit: 'WEEK52',
  population: 'FAS',
  group: 'PBO',
  comparator: '',
  stat,
  method,
  value,
});
const ref = (stat: ArdStat, method: string, value: string | null): ReferenceRow => [
  'SDI',
  '',
  'WEEK52',
  'PBO',
  '',
  stat,
  method,
  value,
];

describe('compareWithReference (the checker of the R fixtures)', () => {
  it('accepts values within tolerance and rejects one just outside', () => {
    expect(compareWithReference([row('mean', '', 2 + 1e-12)], [ref('mean', '', '2')], ['SDI'])).toEqual([]);
    expect(compareWithReference([row('mean', '', 2 + 1e-11)], [ref('mean', '', '2')], ['SDI'])).toHaveLength(1);
    expect(compareWithReference([row('n', '', 3)], [ref('n', '', '4')], ['SDI'])).toHaveLength(1);
  });

  it('reports a row missing on either side and a null against a number', () => {
    expect(compareWithReference([], [ref('n', '', '4')], ['SDI'])).toHaveLength(1);
    expect(compareWithReference([row('n', '', 4)], [], ['SDI'])).toHaveLength(1);
    expect(compareWithReference([row('p', 'FISHER', null)], [ref('p', 'FISHER', '0.5')], ['SDI'])).toHaveLength(1);
    expect(compareWithReference([row('km', 'KM', null)], [ref('km', 'KM', null)], ['SDI'])).toEqual([]);
  });

  it('states exact counts and relative p-values', () => {
    expect(toleranceOf('n', '')).toEqual({ kind: 'exact', bound: 0 });
    expect(toleranceOf('p', 'WILCOXON')).toEqual({ kind: 'rel', bound: 1e-10 });
  });
});

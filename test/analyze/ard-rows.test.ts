import { describe, expect, it } from 'vitest';
import { comparisonRow, groupRow, proportionRows, type RowIdentity } from '../../src/analyze/ard-rows.js';
import { ARD_COLUMNS } from '../../src/ard/types.js';

const id: RowIdentity = { endpoint: 'SRI4', param: 'RESP', visit: 'WEEK24', population: 'FAS' };

describe('ARD row constructors', () => {
  it('give every row exactly the ARD columns, in their order, whatever else the identity object carries', () => {
    const wider = { ...id, extra: 'not an ARD column' } as RowIdentity;
    for (const row of [groupRow(wider, 'PBO', 'n', 3), comparisonRow(wider, 'MSC1E6', 'diff', 'MN', 0.1)])
      expect(Object.keys(row)).toEqual([...ARD_COLUMNS]);
  });

  it('name the comparator only on comparison rows, and turn non-finite values into null', () => {
    expect(groupRow(id, 'PBO', 'mean', Number.NaN)).toEqual({
      ...id,
      group: 'PBO',
      comparator: '',
      stat: 'mean',
      method: '',
      value: null,
    });
    expect(comparisonRow(id, 'MSC5E6', 'diff', 'MN', Number.POSITIVE_INFINITY)).toMatchObject({
      comparator: 'PBO',
      method: 'MN',
      value: null,
    });
    expect(proportionRows(id, 'TOTAL', 0, 0).map((r) => [r.stat, r.value])).toEqual([
      ['N', 0],
      ['n', 0],
      ['prop', null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/derive/dataset.js';

describe('makeDataset', () => {
  it('keeps exactly the declared columns, in order', () => {
    const d = makeDataset('adx', ['B', 'A'], [{ a: 1, b: 'x', extra: true }], (r) => ({ A: r.a, B: r.b }));
    expect(d).toEqual({ name: 'adx', columns: ['B', 'A'], rows: [{ B: 'x', A: 1 }] });
    expect(Object.keys(d.rows[0] ?? {})).toEqual(['B', 'A']);
  });

  it('takes a column from the record field of the same name unless the adapter computes it', () => {
    const d = makeDataset('adx', ['USUBJID', 'PARAMCD', 'AVAL'], [{ USUBJID: 'S1', AVAL: 3, src: { line: 2 } }], () => ({
      PARAMCD: 'PGA',
    }));
    expect(d.rows).toEqual([{ USUBJID: 'S1', PARAMCD: 'PGA', AVAL: 3 }]);
  });

  it('throws when a column is in neither the record nor the adapter, or is not a plain value', () => {
    expect(() => makeDataset('adx', ['A', 'B'], [{ A: 1 }])).toThrow('dataset adx: column B of a row is missing');
    expect(() => makeDataset('adx', ['A'], [{ A: ['x'] }])).toThrow('dataset adx: column A of a row is a object');
  });
});

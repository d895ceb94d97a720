import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/derive/dataset.js';

describe('makeDataset', () => {
  it('keeps exactly the declared columns, in order', () => {
    const d = makeDataset('adx', ['B', 'A'], [{ a: 1, b: 'x', extra: true }], (r) => ({ A: r.a, B: r.b }));
    expect(d).toEqual({ name: 'adx', columns: ['B', 'A'], rows: [{ B: 'x', A: 1 }] });
    expect(Object.keys(d.rows[0] ?? {})).toEqual(['B', 'A']);
  });

  it('throws when an adapter leaves a column out', () => {
    const toRow = (() => ({ A: 1 })) as unknown as (r: number) => Record<'A' | 'B', number>;
    expect(() => makeDataset('adx', ['A', 'B'], [1], toRow)).toThrow('dataset adx: column B missing from a row');
  });
});

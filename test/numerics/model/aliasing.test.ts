import { describe, expect, it } from 'vitest';
import { findAliasedColumns } from '../../../src/numerics/model/aliasing.js';

function crossProduct(X: number[][]): Float64Array {
  const p = X[0]!.length;
  const out = new Float64Array(p * p);
  for (const row of X) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j]! += row[i]! * row[j]!;
  return out;
}

describe('findAliasedColumns', () => {
  it('drops a column that is a combination of earlier ones, with its exact coefficients', () => {
    // columns: 1, a, b = 1 − a (aliased: b = 1·col0 − 1·col1), c
    const X = [
      [1, 1, 0, 2],
      [1, 0, 1, 5],
      [1, 1, 0, 1],
      [1, 0, 1, 7],
    ];
    const r = findAliasedColumns(crossProduct(X), 4);
    expect(r.kept).toEqual([0, 1, 3]);
    expect(r.aliased).toHaveLength(1);
    expect(r.aliased[0]!.column).toBe(2);
    const c = Array.from(r.aliased[0]!.coefficients);
    [1, -1, 0].forEach((v, k) => expect(Math.abs(c[k]! - v)).toBeLessThan(1e-12));
  });
  it('treats an all-zero column (an empty cell) as aliased', () => {
    const X = [
      [1, 0, 3],
      [1, 0, 4],
      [1, 0, 9],
    ];
    expect(findAliasedColumns(crossProduct(X), 3).kept).toEqual([0, 2]);
  });
});

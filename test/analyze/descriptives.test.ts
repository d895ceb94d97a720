import { describe, expect, it } from 'vitest';
import { descriptiveRows, descriptiveRowsOf } from '../../src/analyze/descriptives.js';

const id = { endpoint: 'SLEDAI', param: 'AVAL', visit: 'BASELINE', population: 'FAS' } as const;
const values = (rows: ReturnType<typeof descriptiveRows>) => Object.fromEntries(rows.map((r) => [r.stat, r.value]));

describe('descriptiveRows', () => {
  it('gives the eight statistics, ignoring missing values (R: mean 6, type-2 quartiles 4 and 8)', () => {
    const v = values(descriptiveRows(id, 'TOTAL', [4, null, 10, 2, 6, 8]));
    expect(v).toMatchObject({ n: 5, mean: 6, median: 6, q1: 4, q3: 8, min: 2, max: 10 });
    expect(v.sd).toBeCloseTo(3.1622776601683795, 14); // sd(c(4,10,2,6,8)) in R
  });
  it('leaves sd empty when n = 1 and everything but n empty when n = 0', () => {
    expect(values(descriptiveRows(id, 'PBO', [3]))).toMatchObject({ n: 1, mean: 3, sd: null, min: 3 });
    const empty = values(descriptiveRows(id, 'PBO', [null]));
    expect(empty.n).toBe(0);
    expect(Object.entries(empty).filter(([k, x]) => k !== 'n' && x !== null)).toEqual([]);
  });
  it('labels rows with the identity, the group and no method', () => {
    const rows = descriptiveRows(id, 'MSC1E6', [1, 2]);
    expect(
      rows.every((r) => r.group === 'MSC1E6' && r.comparator === '' && r.method === '' && r.endpoint === 'SLEDAI'),
    ).toBe(true);
  });
  it('gives from values read one by one (descriptiveRowsOf) the rows of their array', () => {
    const x = [4, null, 10, 2, 6, 8];
    expect(descriptiveRowsOf(id, 'TOTAL', x.length, (i) => x[i] as number | null)).toEqual(
      descriptiveRows(id, 'TOTAL', x),
    );
  });
});

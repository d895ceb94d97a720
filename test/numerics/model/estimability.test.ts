import { describe, expect, it } from 'vitest';
import { buildDesignMatrix } from '../../../src/numerics/model/design.js';
import { estimableContrast } from '../../../src/numerics/model/estimability.js';
import { parseModelFormula } from '../../../src/numerics/model/formula.js';

describe('estimableContrast', () => {
  // cells (p, v1), (t, v1), (p, v2): the (t, v2) cell is empty
  const d = buildDesignMatrix(
    [
      { Y: 1, A: 'p', V: 'v1' },
      { Y: 2, A: 't', V: 'v1' },
      { Y: 3, A: 'p', V: 'v2' },
    ],
    { formula: parseModelFormula('Y ~ A*V') },
  );
  const names = d.allColumns.map((c) => c.name);
  const L = (cells: Record<string, number>) => Float64Array.from(names, (n) => cells[n] ?? 0);
  it('accepts a cell mean that has data, restricted to the kept columns', () => {
    // mean of (t, v1): intercept + At + Vv1 + At:Vv1 in full coding
    const c = estimableContrast(d, L({ '(Intercept)': 1, At: 1, Vv1: 1, 'At:Vv1': 1 }));
    expect(c && Array.from(c)).toEqual([1, 1, 0]);
  });
  it('rejects the empty cell', () => {
    expect(estimableContrast(d, L({ '(Intercept)': 1, At: 1, Vv2: 1, 'At:Vv2': 1 }))).toBeNull();
  });
});

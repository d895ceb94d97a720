import { describe, expect, it } from 'vitest';
import { midranks } from '../../../src/numerics/rank/midranks.js';
import { rankCases } from './rank-fixture.js';

describe('midranks', () => {
  // Source: R rank(c(x, y)) (ties.method = "average") for each sample of make-rank.R; exact equality.
  it('equals R rank() exactly', () => {
    for (const c of rankCases) expect(midranks([...c.x, ...c.y]).ranks, c.name).toEqual(c.ranks);
  });

  it('ties only equal doubles: 0.1 + 0.2 does not tie 0.3 unless rounded', () => {
    expect(midranks([0.1 + 0.2, 0.3]).ranks).toEqual([2, 1]);
    expect(midranks([Number((0.1 + 0.2).toFixed(9)), 0.3]).ranks).toEqual([1.5, 1.5]);
  });

  it('reports the tie group sizes in ascending order of value', () => {
    expect(midranks([5, 1, 5, 3, 5, 1])).toEqual({ ranks: [5, 1.5, 5, 3, 5, 1.5], tieSizes: [2, 1, 3] });
    expect(midranks([])).toEqual({ ranks: [], tieSizes: [] });
  });
});

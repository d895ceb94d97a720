import { describe, expect, it } from 'vitest';
import { buildDesignMatrix } from '../../../src/numerics/model/design.js';
import { parseModelFormula } from '../../../src/numerics/model/formula.js';

const rows = [
  { Y: 1, A: 'p', V: 'v1', X: 2 },
  { Y: 2, A: 't', V: 'v1', X: 3 },
  { Y: 3, A: 'p', V: 'v2', X: 4 },
  { Y: 4, A: 't', V: 'v2', X: '' },
  { Y: '', A: 't', V: 'v2', X: 5 },
  { Y: 6, A: 't', V: 'v2', X: 6 },
  { Y: 7, A: 'p', V: 'v1', X: 1 },
];

function denseX(d: ReturnType<typeof buildDesignMatrix>): number[][] {
  return Array.from({ length: d.y.length }, (_, o) => {
    const row = new Array<number>(d.kept.length).fill(0);
    for (let e = d.rowPtr[o]!; e < d.rowPtr[o + 1]!; e++) row[d.colIdx[e]!] = d.values[e]!;
    return row;
  });
}

describe('buildDesignMatrix', () => {
  it('drops rows with a missing response or covariate and codes treatment contrasts (R names)', () => {
    const d = buildDesignMatrix(rows, { formula: parseModelFormula('Y ~ A*V + X') });
    expect(Array.from(d.usedRows)).toEqual([0, 1, 2, 5, 6]);
    expect(d.kept.map((c) => d.allColumns[c]!.name)).toEqual(['(Intercept)', 'At', 'Vv2', 'X', 'At:Vv2']);
    expect(denseX(d)).toEqual([
      [1, 0, 0, 2, 0],
      [1, 1, 0, 3, 0],
      [1, 0, 1, 4, 0],
      [1, 1, 1, 6, 1],
      [1, 0, 0, 1, 0],
    ]);
    expect(d.warnings).toEqual([]);
  });
  it('honours a reference level and notes an aliased non-reference column', () => {
    const d = buildDesignMatrix(rows.slice(0, 3), { formula: parseModelFormula('Y ~ A*V'), reference: { A: 't' } });
    expect(d.kept.map((c) => d.allColumns[c]!.name)).toEqual(['(Intercept)', 'Ap', 'Vv2']);
    expect(d.warnings).toEqual(['column Ap:Vv2 is aliased with earlier columns (e.g. an empty cell) and is dropped']);
  });
  it('reports unknown variables and unusable responses', () => {
    expect(() => buildDesignMatrix(rows, { formula: parseModelFormula('Y ~ B') })).toThrow(/unknown variable B/);
    expect(() => buildDesignMatrix(rows, { formula: parseModelFormula('A ~ V') })).toThrow(/non-numeric/);
  });
  it('knows a variable that only a later row has as its own field, not one a row inherits', () => {
    const later = [{ Y: 1, A: 'p' }, { Y: 2, A: 't', B: 1 }, ...rows];
    expect(() => buildDesignMatrix(later, { formula: parseModelFormula('Y ~ A + B') })).not.toThrow(/unknown/);
    const inherited = rows.map((r) => Object.assign(Object.create({ B: 1 }) as object, r) as typeof r);
    expect(() => buildDesignMatrix(inherited, { formula: parseModelFormula('Y ~ B') })).toThrow(/unknown variable B/);
  });
});

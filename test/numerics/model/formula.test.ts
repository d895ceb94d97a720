import { describe, expect, it } from 'vitest';
import { parseModelFormula } from '../../../src/numerics/model/formula.js';

describe('parseModelFormula', () => {
  it('expands * into main effects and interaction, ordered by degree as R terms()', () => {
    const f = parseModelFormula('CHG ~ ARM*VISIT + BASE*VISIT');
    expect(f.response).toBe('CHG');
    expect(f.terms.map((t) => t.label)).toEqual(['ARM', 'VISIT', 'BASE', 'ARM:VISIT', 'VISIT:BASE']);
    expect(f.variables).toEqual(['ARM', 'VISIT', 'BASE']);
  });
  it('keeps : as an interaction only, drops duplicates and an explicit intercept', () => {
    expect(parseModelFormula('Y ~ 1 + A:B + B:A + A').terms.map((t) => t.label)).toEqual(['A', 'A:B']);
    expect(parseModelFormula('Y ~ A*B*C').terms.map((t) => t.label)).toEqual([
      'A',
      'B',
      'C',
      'A:B',
      'A:C',
      'B:C',
      'A:B:C',
    ]);
  });
  it('rejects what it does not support', () => {
    expect(() => parseModelFormula('Y ~ A - 1')).toThrow(/unexpected "-"/);
    expect(() => parseModelFormula('Y ~ A +')).toThrow(/dangling/);
    expect(() => parseModelFormula('A + B')).toThrow(/Y ~ terms/);
    expect(() => parseModelFormula('Y ~ Y + A')).toThrow(/both response and covariate/);
  });
});

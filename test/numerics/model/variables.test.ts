import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyVariable, naturalCompare, numericValue, sortLevels } from '../../../src/numerics/model/variables.js';

describe('variables', () => {
  it('reads numbers and missing values (empty = missing)', () => {
    expect([
      numericValue(' 1.5e2 '),
      numericValue(''),
      numericValue('NA'),
      numericValue(null),
      numericValue(3),
    ]).toEqual([150, null, null, null, 3]);
  });
  it('sorts class levels numerically when all numeric, else by code unit; visits naturally', () => {
    expect(sortLevels(['10', '9', '1'])).toEqual(['1', '9', '10']);
    expect(sortLevels(['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
    expect(['WEEK52', 'WEEK4', 'WEEK12'].sort(naturalCompare)).toEqual(['WEEK4', 'WEEK12', 'WEEK52']);
  });
  it('sorts the same levels to the same order whatever order they come in (classifyVariable passes them first-seen)', () => {
    const level = fc.constantFrom('1', '1.0', '01', '10', '9', '-2', 'a', 'B', 'b', 'WEEK4', '');
    fc.assert(
      fc.property(fc.array(level, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (levels, keys) => {
        const shuffled = levels
          .map((l, i) => ({ l, k: keys[i] ?? i }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.l);
        expect(sortLevels(new Set(shuffled))).toEqual(sortLevels(levels));
      }),
    );
  });
  it('classifies a variable with any non-numeric value as class, with the first sorted level as reference', () => {
    const rows = [{ A: 'x' }, { A: '2' }, { A: '' }, { A: 'y' }];
    expect(classifyVariable('A', rows, [0, 1, 3], false, undefined)).toEqual({
      kind: 'class',
      name: 'A',
      levels: ['2', 'x', 'y'],
      reference: '2',
    });
    expect(classifyVariable('A', rows, [0, 1, 3], false, 'y')).toMatchObject({ reference: 'y' });
    expect(() => classifyVariable('A', rows, [0, 1, 3], false, 'z')).toThrow(/not a level/);
  });
  it('takes the mean of a continuous variable over the rows used only', () => {
    const rows = [{ B: 1 }, { B: 2 }, { B: 6 }];
    expect(classifyVariable('B', rows, [0, 2], false, undefined)).toEqual({ kind: 'continuous', name: 'B', mean: 3.5 });
  });
});

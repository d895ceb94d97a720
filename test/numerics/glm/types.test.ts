import { describe, expect, it } from 'vitest';
import { checkDesign, coefficientNames, notEstimableCoefficients } from '../../../src/numerics/glm/types.js';

describe('checkDesign', () => {
  it('returns the number of columns of a valid design', () => {
    expect(
      checkDesign(
        [
          [1, 0],
          [1, 1],
        ],
        [0, 1],
        [0, 0.5],
      ),
    ).toBe(2);
  });
  it('rejects empty, ragged, non-finite designs and mismatched lengths', () => {
    expect(() => checkDesign([], [])).toThrow(/no rows/);
    expect(() => checkDesign([[]], [1])).toThrow(/no columns/);
    expect(() => checkDesign([[1, 0], [1]], [0, 1])).toThrow(/row 1/);
    expect(() => checkDesign([[1, NaN]], [0])).toThrow(/non-finite/);
    expect(() => checkDesign([[1]], [0, 1])).toThrow(/response/);
    expect(() => checkDesign([[1]], [0], [0, 1])).toThrow(/offset/);
  });
});

describe('coefficient names and not-estimable records', () => {
  it('default names x0…, given names checked against the column count', () => {
    expect(coefficientNames(2, undefined)).toEqual(['x0', 'x1']);
    expect(() => coefficientNames(2, ['a'])).toThrow(/1 names for 2 columns/);
  });
  it('not estimable = null everywhere', () => {
    expect(notEstimableCoefficients(['a'])).toEqual([{ name: 'a', estimate: null, se: null, z: null, p: null }]);
  });
});

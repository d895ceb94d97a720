import { describe, expect, it } from 'vitest';
import { positiveNullCombinationExists } from '../../../src/numerics/linalg/positive-combination.js';

// Expected outcomes by construction (Stiemke's theorem of the alternative).
describe('positiveNullCombinationExists', () => {
  it('opposite vectors cancel with positive weights', () => {
    expect(
      positiveNullCombinationExists([
        [1, 0],
        [-1, 0],
        [0, 2],
        [0, -3],
      ]),
    ).toBe(true);
  });
  it('three vectors around the origin (a triangle) cancel', () => {
    expect(
      positiveNullCombinationExists([
        [1, 0],
        [-1, 1],
        [-1, -1],
      ]),
    ).toBe(true);
  });
  it('all vectors in a half-plane: no positive combination vanishes', () => {
    expect(
      positiveNullCombinationExists([
        [1, 0],
        [0, 1],
        [-1, 1],
      ]),
    ).toBe(false);
  });
  it('a vector on the boundary of the half-space also breaks it (weights must all be > 0)', () => {
    // [1,0] and [-1,0] cancel, but [0,1] cannot be cancelled with a positive weight
    expect(
      positiveNullCombinationExists([
        [1, 0],
        [-1, 0],
        [0, 1],
      ]),
    ).toBe(false);
  });
  it('ignores zero vectors and merges duplicates; empty input is trivially true', () => {
    expect(
      positiveNullCombinationExists([
        [0, 0],
        [2, 2],
        [1, 1],
        [-3, -3],
      ]),
    ).toBe(true);
    expect(positiveNullCombinationExists([])).toBe(true);
  });
  it('degenerate pivots on many coplanar vectors terminate (Bland’s rule)', () => {
    const v: number[][] = [];
    for (let k = 0; k < 200; k++) v.push([Math.cos(k), Math.sin(k), 0]);
    expect(positiveNullCombinationExists(v)).toBe(true);
    expect(positiveNullCombinationExists(v.map((u) => [u[0]!, u[1]!, 1]))).toBe(false);
  });
});

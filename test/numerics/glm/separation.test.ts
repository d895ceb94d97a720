import { describe, expect, it } from 'vitest';
import { logLinearMleExists, logisticMleExists } from '../../../src/numerics/glm/separation.js';

// Expected outcomes follow from the definitions (Albert & Anderson 1984; Haberman 1974), by construction.
const arms = (n: number) => Array.from({ length: n }, (_, i) => [1, i % 3 === 1 ? 1 : 0, i % 3 === 2 ? 1 : 0]);

describe('logisticMleExists', () => {
  it('overlapping outcomes in every group: the MLE exists', () => {
    expect(logisticMleExists(arms(9), [1, 0, 1, 0, 1, 0, 0, 1, 1])).toBe(true);
  });
  it('a group with only non-responders (quasi-complete separation)', () => {
    expect(logisticMleExists(arms(9), [1, 0, 1, 0, 0, 1, 0, 0, 0])).toBe(false);
  });
  it('the reference group with only responders', () => {
    expect(logisticMleExists(arms(9), [1, 0, 1, 1, 1, 0, 1, 0, 1])).toBe(false);
  });
  it('complete separation by a continuous covariate; overlap restores existence', () => {
    const x = [1, 2, 3, 4, 5, 6].map((v) => [1, v]);
    expect(logisticMleExists(x, [0, 0, 0, 1, 1, 1])).toBe(false);
    expect(logisticMleExists(x, [0, 0, 1, 0, 1, 1])).toBe(true);
  });
  it('quasi-complete separation by a covariate (both outcomes only at the boundary value)', () => {
    const x = [1, 2, 3, 3, 4, 5].map((v) => [1, v]);
    expect(logisticMleExists(x, [0, 0, 0, 1, 1, 1])).toBe(false);
  });
  it('separation hidden in a combination of two covariates (no single column separates)', () => {
    // y = 1 exactly when x1 + x2 > 3
    const x = [
      [1, 1, 1],
      [1, 2, 0],
      [1, 0, 2],
      [1, 3, 1],
      [1, 1, 3],
      [1, 2, 2],
    ];
    expect(logisticMleExists(x, [0, 0, 0, 1, 1, 1])).toBe(false);
  });
});

describe('logLinearMleExists', () => {
  it('every group has events: exists', () => {
    expect(logLinearMleExists(arms(6), [1, 0, 2, 0, 3, 1])).toBe(true);
  });
  it('a group with no events: does not exist', () => {
    expect(logLinearMleExists(arms(6), [1, 0, 2, 0, 0, 1])).toBe(false);
  });
  it('a continuous covariate: zeros only below the only positive count push the slope to +∞', () => {
    const x = [1, 2, 3, 4].map((v) => [1, v]);
    // x·d = 0 at v = 2, 3, 4 forces d = 0: exists
    expect(logLinearMleExists(x, [0, 1, 2, 3])).toBe(true);
    // d = (−4, 1): x·d = 0 at v = 4, < 0 at v = 1, 2, 3: does not exist
    expect(logLinearMleExists(x, [0, 0, 0, 3])).toBe(false);
  });
});

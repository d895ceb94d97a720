import { describe, expect, it } from 'vitest';
import { computeLitScore } from '../../src/derive/lit.js';

// SAP §5.7 examples: 10 answered, sum 23 → 57.5; 9 answered, sum 18 → 50; 7 answered → missing.
describe('computeLitScore', () => {
  it('is the mean of the ten items × 25 (= sum × 2.5): sum 23 → 57.5', () => {
    expect(computeLitScore([3, 3, 3, 2, 2, 2, 2, 2, 2, 2], 8, 25)).toEqual({ score: 57.5, answered: 10, sum: 23 });
  });

  it('uses the answered items only: 9 answered, sum 18 → 50', () => {
    expect(computeLitScore([2, 2, 2, 2, 2, 2, 2, 2, 2, null], 8, 25)).toEqual({ score: 50, answered: 9, sum: 18 });
  });

  it('scores exactly 8 answered (boundary): sum 9 → 9 × 25 / 8 = 28.125', () => {
    expect(computeLitScore([1, 1, 1, 1, 1, 1, 1, 2, null, null], 8, 25)?.score).toBe(28.125);
  });

  it('is missing with 7 answered', () => {
    expect(computeLitScore([4, 4, 4, 4, 4, 4, 4, null, null, null], 8, 25)).toBeNull();
  });

  it('gives the correctly rounded quotient: 9 answered, sum 19 → 475/9', () => {
    expect(computeLitScore([3, 2, 2, 2, 2, 2, 2, 2, 2, null], 8, 25)?.score).toBe(475 / 9);
  });
});

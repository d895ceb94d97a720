import { describe, expect, it } from 'vitest';
import { assertCount, assertEvents, assertLevel } from '../../../src/numerics/binary/validate.js';

describe('argument checks', () => {
  it('accept whole non-negative counts with x ≤ n and levels in (0, 1)', () => {
    expect(() => assertCount('a', 0)).not.toThrow();
    expect(() => assertEvents(5, 5)).not.toThrow();
    expect(() => assertLevel(0.95)).not.toThrow();
  });
  it('reject negative, fractional, non-finite counts, x > n, and levels 0 or 1', () => {
    for (const v of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => assertCount('a', v)).toThrow(RangeError);
    expect(() => assertEvents(6, 5)).toThrow(RangeError);
    expect(() => assertLevel(0)).toThrow(RangeError);
    expect(() => assertLevel(1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { BufferPool, Float64Scratch, ZeroVectorPool } from '../../../src/numerics/mmrm/scratch.js';

describe('scratch buffers', () => {
  it('Float64Scratch keeps one buffer while it is large enough, and grows it when not', () => {
    const scratch = new Float64Scratch();
    const a = scratch.take(16);
    expect(a.length).toBeGreaterThanOrEqual(16);
    expect(scratch.take(9)).toBe(a);
    const b = scratch.take(17);
    expect(b).not.toBe(a);
    expect(b.length).toBeGreaterThanOrEqual(17);
  });

  it('ZeroVectorPool hands out the same vectors, zeroed, while n is the same', () => {
    const pool = new ZeroVectorPool();
    const first = pool.take(3, 4);
    first.forEach((v, k) => v.fill(k + 1));
    const again = pool.take(3, 4);
    for (let k = 0; k < 3; k++) {
      expect(again[k]).toBe(first[k]);
      expect(Array.from(again[k]!)).toEqual([0, 0, 0, 0]);
    }
    const more = pool.take(5, 4);
    expect(more.slice(0, 5).every((v) => v.length === 4 && v.every((x) => x === 0))).toBe(true);
    const other = pool.take(2, 6);
    expect(other[0]!.length).toBe(6);
    expect(other[0]).not.toBe(first[0]);
  });

  it('BufferPool hands a given buffer out again, zeroed, for the same byte length only', () => {
    const pool = new BufferPool();
    const a = pool.take(64);
    new Float64Array(a).fill(7);
    pool.give(a);
    expect(pool.take(32)).not.toBe(a);
    const again = pool.take(64);
    expect(again).toBe(a);
    expect(Array.from(new Float64Array(again))).toEqual(new Array(8).fill(0));
    expect(pool.take(64)).not.toBe(a);
  });
});

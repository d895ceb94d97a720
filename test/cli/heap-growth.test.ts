import { describe, expect, it } from 'vitest';
import { boundHeapGrowth, HEAP_GROWING_PERCENT } from '../../src/cli/heap-growth.js';

describe('boundHeapGrowth', () => {
  it("sets V8's heap growing percent to the bound", () => {
    const flags: string[] = [];
    boundHeapGrowth((f) => flags.push(f));
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(HEAP_GROWING_PERCENT).toBe(50);
  });
});

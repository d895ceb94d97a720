import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { boundHeapGrowth, HEAP_GROWING_PERCENT, stageEndCollector } from '../../src/cli/heap-growth.js';

describe('boundHeapGrowth', () => {
  it("sets V8's heap growing percent to the bound", () => {
    const flags: string[] = [];
    boundHeapGrowth((f) => flags.push(f));
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(HEAP_GROWING_PERCENT).toBe(50);
  });
});

describe('stageEndCollector', () => {
  it("exposes V8's gc for a new context and calls it", () => {
    const flags: string[] = [];
    let calls = 0;
    const collect = stageEndCollector(
      (f) => flags.push(f),
      (code) => (code === 'gc' ? () => calls++ : undefined),
    );
    expect(flags).toEqual(['--expose-gc']);
    collect();
    collect();
    expect(calls).toBe(2);
  });

  it('finds the real gc in this process, and does nothing where there is none', () => {
    const collect = stageEndCollector();
    expect(runInNewContext('typeof gc')).toBe('function');
    expect(() => collect()).not.toThrow();
    expect(() =>
      stageEndCollector(
        () => undefined,
        () => undefined,
      )(),
    ).not.toThrow();
  });
});

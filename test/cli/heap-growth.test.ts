import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  boundHeapGrowth,
  HEAP_GROWING_PERCENT,
  STAGE_END_COLLECTION_MIN_HEAP,
  stageEndCollector,
} from '../../src/cli/heap-growth.js';

describe('boundHeapGrowth', () => {
  it("sets V8's heap growing percent to the bound", () => {
    const flags: string[] = [];
    boundHeapGrowth((f) => flags.push(f));
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(HEAP_GROWING_PERCENT).toBe(50);
  });
});

describe('stageEndCollector', () => {
  it("exposes V8's gc for a new context and calls it once the used heap reaches the bound", () => {
    const flags: string[] = [];
    let calls = 0;
    let used = STAGE_END_COLLECTION_MIN_HEAP;
    const collect = stageEndCollector(
      (f) => flags.push(f),
      (code) => (code === 'gc' ? () => calls++ : undefined),
      () => used,
    );
    expect(flags).toEqual(['--expose-gc']);
    collect();
    collect();
    expect(calls).toBe(2);
    used = STAGE_END_COLLECTION_MIN_HEAP - 1;
    collect();
    expect(calls).toBe(2);
  });

  it("reads this process's used heap by default: bound 0 always collects, an unreachable bound never", () => {
    expect(STAGE_END_COLLECTION_MIN_HEAP).toBe(512 * 1024 * 1024);
    let calls = 0;
    const fakeGc = () => () => calls++;
    stageEndCollector(() => undefined, fakeGc, undefined, 0)();
    expect(calls).toBe(1);
    stageEndCollector(() => undefined, fakeGc, undefined, Number.MAX_SAFE_INTEGER)();
    expect(calls).toBe(1);
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

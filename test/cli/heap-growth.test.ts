import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  boundHeapGrowth,
  HEAP_GROWING_PERCENT,
  STAGE_END_COLLECTION_MIN_GROWTH,
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
  const MB = 1024 * 1024;
  /** A collector over a fake heap: `alloc` grows the used heap, the fake gc brings it back to `live`. */
  function fakeHeap(committed: number, live: number) {
    const h = { committed, used: live, live, calls: 0 };
    const collect = stageEndCollector(
      () => undefined,
      (code) => (code === 'gc' ? () => ((h.calls += 1), (h.used = h.live)) : undefined),
      () => ({ committed: h.committed, used: h.used }),
    );
    return { h, collect, alloc: (bytes: number) => (h.used += bytes) };
  }

  it("exposes V8's gc for a new context", () => {
    const flags: string[] = [];
    stageEndCollector(
      (f) => flags.push(f),
      () => undefined,
    );
    expect(flags).toEqual(['--expose-gc']);
  });

  it('collects a large heap, then again only once the used heap grew by the bound', () => {
    expect(STAGE_END_COLLECTION_MIN_HEAP).toBe(512 * MB);
    expect(STAGE_END_COLLECTION_MIN_GROWTH).toBe(128 * MB);
    const { h, collect, alloc } = fakeHeap(STAGE_END_COLLECTION_MIN_HEAP, 900 * MB);
    collect();
    expect(h.calls).toBe(1);
    alloc(STAGE_END_COLLECTION_MIN_GROWTH - 1);
    collect();
    expect(h.calls).toBe(1);
    alloc(1);
    collect();
    expect(h.calls).toBe(2);
    collect();
    expect(h.calls).toBe(2);
  });

  it('never collects a heap below the bound (a sample run would pay ~1 CPU-s for ~40 collections)', () => {
    const { h, collect, alloc } = fakeHeap(STAGE_END_COLLECTION_MIN_HEAP - 1, 100 * MB);
    alloc(400 * MB);
    collect();
    expect(h.calls).toBe(0);
  });

  it("reads this process's heap by default: bounds of 0 always collect, an unreachable bound never", () => {
    let calls = 0;
    const fakeGc = () => () => calls++;
    stageEndCollector(() => undefined, fakeGc, undefined, 0, 0)();
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

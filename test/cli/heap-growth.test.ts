import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  boundHeapGrowth,
  HEAP_BOUND_MIN_LOCK_BYTES,
  HEAP_GROWING_PERCENT,
  lockBytesOf,
  STAGE_END_COLLECTION_MIN_GROWTH,
  STAGE_END_COLLECTION_MIN_HEAP,
  stageEndCollector,
} from '../../src/cli/heap-growth.js';

describe('boundHeapGrowth', () => {
  it("sets V8's heap growing percent to the bound for a lock of the threshold's size or more", () => {
    expect(HEAP_GROWING_PERCENT).toBe(50);
    expect(HEAP_BOUND_MIN_LOCK_BYTES).toBe(32 * 1024 * 1024);
    for (const bytes of [HEAP_BOUND_MIN_LOCK_BYTES, 2e9, Number.POSITIVE_INFINITY]) {
      const flags: string[] = [];
      boundHeapGrowth(bytes, (f) => flags.push(f));
      expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    }
  });

  it("leaves V8's growth alone for a smaller lock (the sample's 5.6 MB)", () => {
    const flags: string[] = [];
    boundHeapGrowth(HEAP_BOUND_MIN_LOCK_BYTES - 1, (f) => flags.push(f));
    boundHeapGrowth(5_591_827, (f) => flags.push(f));
    expect(flags).toEqual([]);
  });
});

describe('lockBytesOf', () => {
  it("sums the sizes of the folder's files, not of its subfolders", () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-bytes-'));
    try {
      writeFileSync(join(dir, 'dm.csv'), 'x'.repeat(1000));
      writeFileSync(join(dir, 'lock.json'), 'y'.repeat(24));
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'big.csv'), 'z'.repeat(5000));
      expect(lockBytesOf(dir)).toBe(1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is Infinity (growth bounded) for a folder that cannot be listed', () => {
    expect(lockBytesOf(join(tmpdir(), 'no-such-lock-folder-\u0000'))).toBe(Number.POSITIVE_INFINITY);
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

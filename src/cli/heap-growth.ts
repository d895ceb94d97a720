/**
 * How far the heap of an `analyze` run may grow past what it holds. After each full collection V8 sets
 * the next one at the live size times a factor of up to 4 on a machine with more than 16 GB (measured:
 * 170 MB live at 5,000 subjects, collected only at 1.3 GB), so a large lock's peak resident memory was
 * mostly garbage waiting to be collected. Capping the growth at 50% bounds the peak to about 1.5 times
 * the live data (5,000 subjects: 1.53 GB -> 0.97 GB peak RSS). It costs full collections: the derive
 * stage, whose QS index is large, takes 3–5 s more CPU at 5,000 subjects (14–15 s -> 17–20 s), which the
 * later stages give back (whole run at 10,000 subjects: 186.6 s CPU against main's 185.4 s). V8 reads the
 * flag at each collection, so setting it once the program runs takes effect for the rest of it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The heap may grow this many percent past its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Bytes of lock files from which the growth is bounded. A smaller lock's heap stays small (the sample:
 * 5.6 MB of lock, ~50 MB of heap; 300 subjects: 21 MB, ~0.25 GB peak RSS), and there the bound only
 * made V8 collect the old generation more often: the sample made 3 full collections instead of 1
 * (~50–70 ms more of main-thread pauses, the marking besides), for ~10 MB lower peak RSS. From ~450
 * subjects up (2,000 subjects: 133 MB of lock) the bound holds as before.
 */
export const HEAP_BOUND_MIN_LOCK_BYTES = 32 * 1024 * 1024;

/** Bounds V8's heap growth (HEAP_GROWING_PERCENT) for a lock of `lockBytes` bytes or more. */
export function boundHeapGrowth(lockBytes: number, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (lockBytes >= HEAP_BOUND_MIN_LOCK_BYTES) setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * The bytes of the files in the lock folder `dir` (not its subfolders); Infinity when it cannot be
 * listed or a file not sized (the growth is then bounded; the read reports what is wrong).
 */
export function lockBytesOf(dir: string): number {
  try {
    let bytes = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isFile()) bytes += statSync(join(dir, entry.name)).size;
    return bytes;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Heap size (committed, V8's total_heap_size) below which a stage-end collection is skipped. A full
 * collection costs ~10–30 ms however little garbage there is, and a sample run asks for ~40 of them (each
 * stage, each listing, derive's steps): ~1 CPU-s and ~0.6 s of wall time for nothing, its whole heap
 * being ~0.2 GB. The committed size, not the used size: once a large lock's heap has grown, a collection
 * also lowers V8's limit for the next one (1.5 times what is live), which is what bounds the later
 * stages; skipping it when little was used since (a used-size bound) let a 20,000-subject run reach
 * 2.26 GB instead of ~2 GB.
 */
export const STAGE_END_COLLECTION_MIN_HEAP = 512 * 1024 * 1024;

/**
 * Bytes the used heap must have grown since the last stage-end collection for the next one to be made.
 * A collection frees only what was allocated since the last one, and V8 ran no full collection of its own
 * in between unless that much was; skipping it then leaves V8's limit where the last one set it. At
 * 20,000 subjects this skips the ~20 small listings' collections (~1 s each on a ~1 GB live heap).
 */
export const STAGE_END_COLLECTION_MIN_GROWTH = 128 * 1024 * 1024;

/** What a stage-end collector reads of V8's heap (bytes). */
export interface HeapSizes {
  /** Committed (total_heap_size). */
  readonly committed: number;
  /** In use, garbage included (used_heap_size). */
  readonly used: number;
}

const v8HeapSizes = (): HeapSizes => {
  const h = getHeapStatistics();
  return { committed: h.total_heap_size, used: h.used_heap_size };
};

/**
 * A full collection for the end of each stage of an `analyze` run, once the heap is large. V8 sets its
 * next full collection at 1.5 times the live size of its last one (boundHeapGrowth), and the last one of
 * a stage came while its transient data were live (the derive stage's record sets being made): the next
 * stage began on ~0.6 GB of garbage at 20,000 subjects, where the run's peak resident memory was.
 * Collected at the stage's end, the heap starts the next stage at what it holds. A full collection takes
 * ~0.1–1 s at 20,000 subjects. `gc` is exposed for a new context once the flag is set (V8 installs it
 * at context creation). Nothing is collected below `minHeap` bytes of committed heap, nor when the used
 * heap grew less than `minGrowth` since the last collection made here (see above).
 */
export function stageEndCollector(
  setFlags: (flags: string) => void = setFlagsFromString,
  run: (code: string) => unknown = (code) => runInNewContext(code),
  heap: () => HeapSizes = v8HeapSizes,
  minHeap: number = STAGE_END_COLLECTION_MIN_HEAP,
  minGrowth: number = STAGE_END_COLLECTION_MIN_GROWTH,
): () => void {
  setFlags('--expose-gc');
  const gc = run('gc');
  if (typeof gc !== 'function') return () => undefined;
  let usedAfterLast = -Infinity;
  return () => {
    const before = heap();
    if (before.committed < minHeap || before.used - usedAfterLast < minGrowth) return;
    (gc as () => unknown)();
    usedAfterLast = heap().used;
  };
}

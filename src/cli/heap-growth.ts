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
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The heap may grow this many percent past its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 50;

export function boundHeapGrowth(setFlags: (flags: string) => void = setFlagsFromString): void {
  setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * A full collection for the end of each stage of an `analyze` run. V8 sets its next full collection at
 * 1.5 times the live size of its last one (boundHeapGrowth), and the last one of a stage came while its
 * transient data were live (the derive stage's record sets being made): the next stage began on ~0.6 GB
 * of garbage at 20,000 subjects, where the run's peak resident memory was. Collected at the stage's
 * end, the heap starts the next stage at what it holds. A full collection takes ~0.1–0.5 s at 20,000
 * subjects. `gc` is exposed for a new context once the flag is set (V8 installs it at context creation).
 */
export function stageEndCollector(
  setFlags: (flags: string) => void = setFlagsFromString,
  run: (code: string) => unknown = (code) => runInNewContext(code),
): () => void {
  setFlags('--expose-gc');
  const gc = run('gc');
  return typeof gc === 'function' ? () => void (gc as () => unknown)() : () => undefined;
}

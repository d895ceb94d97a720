/**
 * How soon V8 optimizes a function with TurboFan during an `analyze` run. A function is optimized once
 * it has run through its interrupt budget (bytecode executed) a few times; V8's default budget (66 KB)
 * suits programs that run for minutes. A sample run lasts ~3 s and executes a large bundle: V8 optimized
 * ~700 functions, many of them several times over (deoptimized by the next dataset's or table's row
 * shapes, then optimized again), and its compiler threads took ~30% of the run's CPU (`perf`: as much as
 * the main thread's JavaScript), on a machine whose two cores the main thread, the figure thread and
 * V8's own threads already share. Four times the budget leaves functions that run briefly unoptimized:
 * 16% less CPU in a sample run (interleaved runs, medians: 4.6 s against 5.5 s) and a main thread as
 * fast (2.36 s against 2.31 s CPU); a large lock's hot loops still reach TurboFan within milliseconds.
 * Nothing computed changes: every tier gives the same IEEE results, so the same bytes. V8 reads the
 * budget whenever it resets a function's counter, so setting it once the program runs takes effect
 * for the rest of it (the figure thread included: flags are per process).
 */
import { setFlagsFromString } from 'node:v8';

/** V8's interrupt budget for an analyze run: four times its default (66 KB, V8 11.3 / Node 20). */
export const INTERRUPT_BUDGET = 4 * 67_584;

export function raiseTierUpBudget(setFlags: (flags: string) => void = setFlagsFromString): void {
  setFlags(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * How much TurboFan inlines into a function it optimizes during an `analyze` run. V8's compiler threads
 * took about a third of a sample run's CPU (~1.1-1.5 CPU-s of ~4.5), on a machine whose second core also
 * draws the figures, and large inlined graphs are most of a compile's cost; a sample run is over before
 * most of that code has run long enough to repay it. Half V8's budgets (the whole graph and each inlined
 * function) cut the compiler threads' CPU by a fifth and the run's by 5-8% (interleaved runs), the main
 * thread no slower; a 2,000-subject run was no slower either (its hot loops are small functions, still
 * inlined). Nothing computed changes: inlining keeps JavaScript's semantics, so the same IEEE results and
 * the same bytes. V8 reads both flags when it compiles a function, so setting them once the program
 * runs takes effect for the rest of it (the figure thread included: flags are per process).
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode size of all functions inlined into one optimized function: half V8's 920 (V8 11.3 / Node 20). */
export const INLINED_BYTECODE_CUMULATIVE = 460;
/** Largest bytecode of one function TurboFan inlines: half V8's 460. */
export const INLINED_BYTECODE_SIZE = 230;

export function limitInlining(setFlags: (flags: string) => void = setFlagsFromString): void {
  setFlags(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
  setFlags(`--max-inlined-bytecode-size=${INLINED_BYTECODE_SIZE}`);
}

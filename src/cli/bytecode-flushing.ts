/**
 * Whether V8 may discard the bytecode of functions that have not run for a while during an `analyze` run.
 * V8 drops a function's bytecode (and its type feedback) once it has gone unused through a few full
 * collections; the bounded heap growth (heap-growth.ts) makes those frequent, so in a sample run ~120
 * functions used by an early stage and again by a later one (formatting, dates, key helpers) were flushed
 * and then compiled again, cold, and some optimized again. Keeping bytecode costs a few megabytes at most
 * (the program's own code) and makes none of those recompilations (V8's function log: 123 -> 0; TurboFan
 * jobs 421 -> ~412). Nothing computed changes. V8 reads the flag at each collection, so setting it once
 * the program runs takes effect for the rest of it.
 */
import { setFlagsFromString } from 'node:v8';

export function keepBytecode(setFlags: (flags: string) => void = setFlagsFromString): void {
  setFlags('--no-flush-bytecode');
}

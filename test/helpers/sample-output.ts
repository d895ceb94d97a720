/**
 * The bundled sample analysed by the built command once per blinding mode for the whole test run
 * (test/setup/sample-outputs.ts): `analyze data-samples/lock --out DIR` blinded, or with
 * `--dummy-randomization 7`, and unblinded as the bundled demo (`analyze` with no arguments: the sample
 * with data-samples/randomization.csv, into ./out). Read-only: a test that changes an output copies it
 * first.
 */
import { inject } from 'vitest';
import type { SampleMode, SampleOutput } from '../setup/sample-modes.js';

export type { SampleMode, SampleOutput };

/** The finished run of `mode`; throws (failing the test) when that run did not exit 0. */
export function sampleOutput(mode: SampleMode): SampleOutput {
  const run = inject('sampleOutputs')?.find((o) => o.mode === mode);
  if (run === undefined)
    throw new Error(`no shared sample output '${mode}': is this file in the integration project of vitest.config.ts?`);
  if (run.code !== 0) throw new Error(`the shared sample run '${mode}' exited ${run.code}:\n${run.stderr}`);
  return run;
}

/**
 * The bundled sample analysed by the built command once per blinding mode for the whole test run
 * (test/setup/sample-outputs.ts): `analyze data-samples/lock --out DIR` blinded, or with
 * `--dummy-randomization 7`, and unblinded as the bundled demo (`analyze` with no arguments: the sample
 * with data-samples/randomization.csv, into ./out). Made by the first test worker that asks, the others
 * waiting for it (test/helpers/shared-sample-result.ts), so that a run of tests that reads none of them
 * (e.g. `npx vitest run test/numerics`) makes none. A file that reads them awaits `sampleOutputsReady()`
 * at its top level, where no test timeout runs. Read-only: a test that changes an output copies it first.
 */
import { analyzeSampleOutputs, buildCli } from '../setup/sample-outputs.js';
import type { SampleMode, SampleOutput } from '../setup/sample-modes.js';
import { sharedResultAsync } from './shared-sample-result.js';

export type { SampleMode, SampleOutput };

let built: Promise<void> | undefined;
let outputs: Promise<SampleOutput[]> | undefined;
let ready: SampleOutput[] | undefined;

/** The bundle (dist/) built from the current source, once per test run: what the spawned CLI tests run. */
export function builtCli(): Promise<void> {
  return (built ??= sharedResultAsync('built-cli', async () => {
    await buildCli();
    return true;
  }).then(() => undefined));
}

/** Waits for the shared runs of the sample (made on first call in the test run); then sampleOutput reads them. */
export async function sampleOutputsReady(): Promise<void> {
  outputs ??= builtCli().then(() => sharedResultAsync('sample-outputs', analyzeSampleOutputs));
  ready = await outputs;
}

/** The finished run of `mode`; throws (failing the test) when that run did not exit 0. */
export function sampleOutput(mode: SampleMode): SampleOutput {
  if (ready === undefined) throw new Error(`no shared sample output '${mode}': await sampleOutputsReady() first`);
  const run = ready.find((o) => o.mode === mode);
  if (run === undefined) throw new Error(`no shared sample output '${mode}'`);
  if (run.code !== 0) throw new Error(`the shared sample run '${mode}' exited ${run.code}:\n${run.stderr}`);
  return run;
}

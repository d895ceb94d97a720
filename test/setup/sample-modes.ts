/**
 * What the integration project's global setup (sample-outputs.ts) hands to the tests. 'randomization'
 * is the unblinded run, made as the bundled demo (`analyze` with no arguments: the sample with its own
 * randomization file, written to ./out).
 */
export const SAMPLE_MODES = ['blinded', 'randomization', 'dummy'] as const;
export type SampleMode = (typeof SAMPLE_MODES)[number];

/** One `analyze` run of the bundled sample: its output folder and what the command printed. */
export interface SampleOutput {
  readonly mode: SampleMode;
  readonly dir: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleOutputs: SampleOutput[];
  }
}

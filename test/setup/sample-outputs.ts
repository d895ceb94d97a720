/**
 * Global setup of the integration project: the bundled sample analysed once per blinding mode for the
 * whole run, by the built command as users run it (`npm run build`, then `node bin/sle-msc.js analyze
 * <root>/data-samples/lock … --out DIR` in a temporary folder), the three runs side by side. Tests read
 * the output folders (and what the run printed) through test/helpers/sample-output.ts instead of
 * analysing the sample again. The build is also the one test/cli/spawned-cli.test.ts runs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { SAMPLE_MODES, type SampleMode, type SampleOutput } from './sample-modes.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

const SAMPLE_LOCK = join(root, 'data-samples', 'lock');

/** The command-line options of each mode (the randomization file is the sample's own). */
const MODE_ARGS: Record<SampleMode, readonly string[]> = {
  blinded: [],
  randomization: ['--randomization', join(root, 'data-samples', 'randomization.csv')],
  dummy: ['--dummy-randomization', '7'],
};

async function analyzeSample(mode: SampleMode, into: string): Promise<SampleOutput> {
  const dir = join(into, mode);
  const args = [join(root, 'bin', 'sle-msc.js'), 'analyze', SAMPLE_LOCK, ...MODE_ARGS[mode], '--out', dir];
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: into,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 26,
    });
    return { mode, dir, code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return {
      mode,
      dir,
      code: typeof err.code === 'number' ? err.code : -1,
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? String(e),
    };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  await run(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
  // Under the run's temporary root (test/setup/temp-root.ts), removed with it.
  const into = mkdtempSync(join(tmpdir(), 'sle-msc-sample-'));
  const outputs = await Promise.all(SAMPLE_MODES.map((mode) => analyzeSample(mode, into)));
  project.provide('sampleOutputs', outputs);
}

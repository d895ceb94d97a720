/**
 * Global setup of the integration project: the bundled sample analysed once per blinding mode for the
 * whole run, by the built command as users run it (`npm run build`, then `node bin/sle-msc.js analyze
 * …` in a temporary folder), the three runs side by side: blinded (`analyze <root>/data-samples/lock
 * --out DIR`), dummy (the same with `--dummy-randomization 7`), and unblinded as the bundled demo
 * (`analyze` with no arguments, in an empty folder: the sample with its own randomization file, written
 * to ./out; test/contract/cli.test.ts checks that this is what it does). Tests read the output folders
 * (and what the run printed) through test/helpers/sample-output.ts instead of analysing the sample
 * again. The build is also the one test/cli/spawned-cli.test.ts runs.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { SAMPLE_MODES, type SampleMode, type SampleOutput } from './sample-modes.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

const SAMPLE_LOCK = join(root, 'data-samples', 'lock');

/** The arguments of `analyze` in each mode, and the folder it writes to (the demo writes ./out). */
function modeRun(mode: SampleMode, into: string): { args: readonly string[]; cwd: string; dir: string } {
  if (mode === 'randomization') {
    const cwd = join(into, 'demo');
    mkdirSync(cwd);
    return { args: [], cwd, dir: join(cwd, 'out') };
  }
  const dir = join(into, mode);
  const blinding = mode === 'dummy' ? ['--dummy-randomization', '7'] : [];
  return { args: [SAMPLE_LOCK, ...blinding, '--out', dir], cwd: into, dir };
}

async function analyzeSample(mode: SampleMode, into: string): Promise<SampleOutput> {
  const { args, cwd, dir } = modeRun(mode, into);
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin', 'sle-msc.js'), 'analyze', ...args], {
      cwd,
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

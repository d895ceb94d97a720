import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulateCommand as runSimulate, type SimulateCommandOptions } from '../../src/cli/simulate-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { simulateTrialStream } from '../../src/simulate/simulate-trial.js';
import { EXIT, RunError } from '../../src/core/exit-codes.js';

// A failure in the middle of writing (disk full, I/O error): simulated by a generator that throws
// after the first subjects' rows; the real generator otherwise. Injected (not vi.mock: test files share
// a worker's module cache).
let failAfter = Infinity;
const failingStream: typeof simulateTrialStream = (opts) => {
  const stream = simulateTrialStream(opts);
  return {
    ...stream,
    randomizationCsv: stream.randomizationCsv,
    chunks: (function* () {
      let k = 0;
      for (const c of stream.chunks) {
        if (k++ >= failAfter) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        yield c;
      }
    })(),
  };
};
const runSimulateCommand = (opts: SimulateCommandOptions, io: CliIo) => runSimulate(opts, io, failingStream);

const root = mkdtempSync(join(tmpdir(), 'sle-msc-simfail-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io = { stdout: () => undefined, stderr: () => undefined, cwd: root, color: false, quiet: false };

describe('runSimulateCommand: a failure while writing', () => {
  it('exits 73, removes its temporary folder and leaves the previous lock and randomization file as they were', async () => {
    const dir = join(root, 'sim');
    failAfter = Infinity;
    await runSimulateCommand({ seed: 'first', n: 4, out: dir }, io);
    const dm = readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8');
    const rand = readFileSync(join(dir, 'randomization.csv'), 'utf8');
    failAfter = 20;
    const error = await runSimulateCommand({ seed: 'second', n: 6, out: dir }, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunError);
    expect((error as RunError).exitCode).toBe(EXIT.CANTCREAT);
    expect(readdirSync(dir).sort()).toEqual(['lock', 'randomization.csv']);
    expect(readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8')).toBe(dm);
    expect(readFileSync(join(dir, 'randomization.csv'), 'utf8')).toBe(rand);
  });

  it('removes a DIR it created when the run fails', async () => {
    failAfter = 5;
    const dir = join(root, 'fresh');
    await runSimulateCommand({ seed: 'x', n: 3, out: dir }, io).catch(() => undefined);
    expect(existsSync(dir)).toBe(false);
  });
});

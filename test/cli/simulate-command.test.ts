import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulateCommand } from '../../src/cli/simulate-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { EXIT, RunError } from '../../src/core/exit-codes.js';
import { simulateTrial } from '../../src/simulate/simulate-trial.js';

const root = mkdtempSync(join(tmpdir(), 'sle-msc-simcmd-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io = (cwd: string, out: string[] = []): CliIo => ({
  stdout: (s) => out.push(s),
  stderr: (s) => out.push(s),
  cwd,
  color: false,
  quiet: false,
});

async function exitCodeOf(p: Promise<void>): Promise<number | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof RunError) return e.exitCode;
    throw e;
  }
}

describe('runSimulateCommand', () => {
  it('writes DIR/lock/ (eight domains + lock.json) and DIR/randomization.csv beside it, equal to simulateTrial', async () => {
    const out: string[] = [];
    await runSimulateCommand({ seed: 'cli', n: 12, out: 'sim' }, io(root, out));
    const dir = join(root, 'sim');
    expect(readdirSync(dir).sort()).toEqual(['lock', 'randomization.csv']);
    const sim = simulateTrial({ seed: 'cli', n: 12 });
    expect(readdirSync(join(dir, 'lock')).sort()).toEqual([...sim.lockFiles.keys()].sort());
    for (const [f, text] of sim.lockFiles) expect(readFileSync(join(dir, 'lock', f), 'utf8'), f).toBe(text);
    expect(readFileSync(join(dir, 'randomization.csv'), 'utf8')).toBe(sim.randomizationCsv);
    expect(out.join('')).toContain('simulated 12 subjects');
  });

  it('replaces a previous simulated lock and keeps other content of DIR', async () => {
    const dir = join(root, 'again');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), 'keep me');
    await runSimulateCommand({ seed: 'one', n: 5, out: dir }, io(root));
    await runSimulateCommand({ seed: 'two', n: 6, out: dir }, io(root));
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8')).toBe(
      simulateTrial({ seed: 'two', n: 6 }).lockFiles.get('dm.csv'),
    );
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'lock', 'randomization.csv']);
  });

  it('refuses (exit 73) a DIR/lock holding other files, and leaves it as it was', async () => {
    const dir = join(root, 'foreign');
    mkdirSync(join(dir, 'lock'), { recursive: true });
    writeFileSync(join(dir, 'lock', 'notes.txt'), 'mine');
    expect(await exitCodeOf(runSimulateCommand({ seed: 's', n: 3, out: dir }, io(root)))).toBe(EXIT.CANTCREAT);
    expect(readdirSync(join(dir, 'lock'))).toEqual(['notes.txt']);
    expect(existsSync(join(dir, 'randomization.csv'))).toBe(false);
  });

  it('fails with exit 73 when DIR cannot be created (a file is in the way)', async () => {
    writeFileSync(join(root, 'afile'), 'x');
    expect(await exitCodeOf(runSimulateCommand({ seed: 's', n: 3, out: join('afile', 'sub') }, io(root)))).toBe(
      EXIT.CANTCREAT,
    );
  });
});

describe('runSimulateCommand: n and clean-up (issues 12, 13)', () => {
  for (const n of [0, -3, 1.5, Number.NaN, 100_001, 1_000_000_000, 1e30]) {
    it(`refuses --n ${n} as a usage error (64) before creating anything`, async () => {
      const dir = join(root, `bad-n-${String(n).replace(/\W/g, '_')}`);
      expect(await exitCodeOf(runSimulateCommand({ seed: 's', n, out: dir }, io(root)))).toBe(EXIT.USAGE);
      expect(existsSync(dir)).toBe(false);
    });
  }

  it('names the documented maximum in the message', async () => {
    await expect(runSimulateCommand({ seed: 's', n: 100_001, out: join(root, 'max') }, io(root))).rejects.toThrow(
      /1 to 100,000/,
    );
  });

  it('removes the temporary folders of a killed run (its process is gone) and puts a lock set aside back', async () => {
    const dir = join(root, 'killed');
    await runSimulateCommand({ seed: 'k', n: 3, out: dir }, io(root));
    const before = readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // exited: no such process any more
    // a killed run had set the previous lock aside and not yet moved its new one in
    mkdirSync(join(dir, `.simulate-${dead}-1`, 'lock'), { recursive: true });
    writeFileSync(join(dir, `.simulate-${dead}-1`, 'lock', 'dm.csv'), 'half');
    renameSync(join(dir, 'lock'), join(dir, `.simulate-old-${dead}-1`));
    const alive = join(dir, `.simulate-${process.pid}-7`); // a run still going: not touched
    mkdirSync(alive);
    await runSimulateCommand({ seed: 'k2', n: 4, out: dir }, io(root));
    expect(readdirSync(dir).sort()).toEqual([`.simulate-${process.pid}-7`, 'lock', 'randomization.csv']);
    expect(readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8')).not.toBe(before);
    rmSync(alive, { recursive: true });
  });

  it('refuses (73) a DIR/randomization.csv that is not a file, before writing, leaving DIR as it was', async () => {
    const dir = join(root, 'randdir');
    await runSimulateCommand({ seed: 'r', n: 3, out: dir }, io(root));
    const before = readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8');
    rmSync(join(dir, 'randomization.csv'));
    mkdirSync(join(dir, 'randomization.csv', 'x'), { recursive: true });
    expect(await exitCodeOf(runSimulateCommand({ seed: 'other', n: 5, out: dir }, io(root)))).toBe(EXIT.CANTCREAT);
    expect(readdirSync(dir).sort()).toEqual(['lock', 'randomization.csv']);
    expect(readFileSync(join(dir, 'lock', 'dm.csv'), 'utf8')).toBe(before);
  });
});
